namespace Hindsight.Reactive;

/// <summary>A full-information comparator policy: it reads the state (every arm's mean given the history) and picks
/// an arm — an offline-optimal or approximate planner that a learner's policy regret is measured against.</summary>
public interface IReactivePlanner
{
    /// <summary>The planner's name in results.</summary>
    string Name { get; }

    /// <summary>Chooses the arm for the state's next round.</summary>
    /// <param name="state">The environment now.</param>
    /// <returns>An arm.</returns>
    int Choose(IReactiveState state);
}
