namespace Hindsight.Bandits.Policies;

/// <summary>
/// The rule of an index policy: a score per arm computed from that arm's statistics and the round.
/// Implemented by small structs so that <see cref="IndexPolicy{TRule}"/> inlines the rule (no virtual call per arm).
/// </summary>
public interface IIndexRule
{
    /// <summary>Called once per round before the indices, to precompute what all arms share (e.g. ln t).</summary>
    /// <param name="round">The current round t (1-based).</param>
    /// <param name="arms">The number of arms K.</param>
    void BeginRound(long round, int arms);

    /// <summary>The index of an arm that has been pulled at least once.</summary>
    /// <param name="arm">The arm's statistics.</param>
    /// <returns>The index; the policy pulls an arm of largest index.</returns>
    double Index(in ArmStats arm);
}
