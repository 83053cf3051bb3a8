namespace Hindsight.Bandits.Policies;

/// <summary>
/// An index policy: pull every arm once, then each round the arm of largest index (ties to the lowest arm).
/// The index is a struct rule, so UCB1, UCB-V, MOSS and KL-UCB (Gaussian) share this bookkeeping.
/// </summary>
/// <typeparam name="TRule">The index rule.</typeparam>
public sealed class IndexPolicy<TRule> : IBanditPolicy
    where TRule : struct, IIndexRule
{
    private readonly ArmStats[] _stats;
    private TRule _rule;
    private long _round;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="rule">The index rule with its parameters.</param>
    public IndexPolicy(int arms, TRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        _stats = new ArmStats[arms];
        _rule = rule;
        _round = 1;
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <summary>The statistics of each arm (read-only view for tests and reports).</summary>
    public ReadOnlySpan<ArmStats> Stats => _stats;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        _round = 1;
    }

    /// <inheritdoc />
    public int Choose()
    {
        ArmStats[] stats = _stats;
        if (_round <= stats.Length && stats[_round - 1].Pulls == 0)
        {
            return (int)(_round - 1);
        }

        _rule.BeginRound(_round, stats.Length);
        int best = -1;
        double bestIndex = double.NegativeInfinity;
        for (int i = 0; i < stats.Length; i++)
        {
            if (stats[i].Pulls == 0)
            {
                return i;
            }

            double index = _rule.Index(in stats[i]);
            if (index > bestIndex || best < 0)
            {
                bestIndex = index;
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats[arm].Add(reward);
        _round++;
    }
}
