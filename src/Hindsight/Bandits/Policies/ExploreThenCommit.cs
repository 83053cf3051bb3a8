namespace Hindsight.Bandits.Policies;

/// <summary>
/// Explore-then-commit: pull the arms round-robin m times each, then commit for ever to the arm of largest
/// empirical mean (Lattimore and Szepesvári, "Bandit Algorithms", 2020, ch. 6; Garivier, Kaufmann and
/// Lattimore, "On explore-then-commit strategies", NeurIPS 2016).
/// </summary>
/// <remarks>Pseudo-regret ≤ m Σᵢ Δᵢ + (T − mK) Σᵢ Δᵢ exp(−m Δᵢ² / 4); with m ≈ (4/Δ²) ln(T Δ² / 4) and two arms,
/// O(ln T / Δ), but it needs the gap and the horizon to tune m.</remarks>
public sealed class ExploreThenCommit : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly long _explorationRounds;
    private long _round = 1;
    private int _committed = -1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="pullsPerArm">Exploration pulls m ≥ 1 of each arm.</param>
    public ExploreThenCommit(int arms, int pullsPerArm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pullsPerArm, 1);
        _stats = new ArmStats[arms];
        _explorationRounds = (long)arms * pullsPerArm;
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        _round = 1;
        _committed = -1;
    }

    /// <inheritdoc />
    public int Choose()
    {
        if (_round <= _explorationRounds)
        {
            return (int)((_round - 1) % _stats.Length);
        }

        if (_committed < 0)
        {
            _committed = Greedy.BestMean(_stats);
        }

        return _committed;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats[arm].Add(reward);
        _round++;
    }
}
