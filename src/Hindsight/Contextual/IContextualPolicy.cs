using Hindsight.Bandits;

namespace Hindsight.Contextual;

/// <summary>
/// A K-armed policy that uses a context vector each round. The runner calls the contextual overloads when the
/// environment provides contexts; without a context (a plain K-armed environment) the policy sees the constant
/// context (1), i.e. it becomes a K-armed bandit policy.
/// </summary>
public interface IContextualPolicy : IBanditPolicy
{
    /// <summary>Chooses an arm for a context.</summary>
    /// <param name="context">The round's context.</param>
    /// <returns>An arm in [0, <see cref="IBanditPolicy.Arms"/>).</returns>
    int Choose(ReadOnlySpan<double> context);

    /// <summary>Learns the reward of the arm chosen for a context.</summary>
    /// <param name="context">The context it was chosen for.</param>
    /// <param name="arm">The arm.</param>
    /// <param name="reward">Its reward.</param>
    void Update(ReadOnlySpan<double> context, int arm, double reward);
}
