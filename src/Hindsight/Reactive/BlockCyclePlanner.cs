namespace Hindsight.Reactive;

/// <summary>The full-information comparator for last-switch dependent bandits: the planned <see cref="BlockCycle"/>
/// on the true payoffs, followed from round 1. Stateful: make one per replay.</summary>
/// <param name="bandit">The bandit whose payoffs it knows.</param>
public sealed class BlockCyclePlanner(LastSwitchBandit bandit) : IReactivePlanner
{
    private long _position;

    /// <summary>The cycle.</summary>
    public BlockCycle Cycle { get; } = BlockCycle.Plan(bandit.Arms, bandit.Payoff, bandit.MaxDelay);

    /// <inheritdoc />
    public string Name => "block-cycle planner";

    /// <inheritdoc />
    public int Choose(IReactiveState state) => Cycle.ArmAt(_position++);
}
