using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// ε-greedy with a fixed ε: after one pull of each arm, with probability ε pull a uniformly random arm,
/// otherwise the arm of largest empirical mean (Sutton and Barto, "Reinforcement Learning", 2nd ed., §2.2).
/// </summary>
/// <remarks>With fixed ε &gt; 0 the pseudo-regret is linear: about ε T (μ* − mean of the means).</remarks>
public sealed class EpsilonGreedy : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly double _epsilon;
    private readonly SeededRandom _rng = new(0);
    private long _round = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="epsilon">Exploration probability ε ∈ [0, 1].</param>
    public EpsilonGreedy(int arms, double epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        if (epsilon is < 0 or > 1 || double.IsNaN(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must lie in [0, 1].");
        }

        _stats = new ArmStats[arms];
        _epsilon = epsilon;
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        _rng.Reseed(seed);
        _round = 1;
    }

    /// <inheritdoc />
    public int Choose()
    {
        if (_round <= _stats.Length)
        {
            return (int)(_round - 1);
        }

        return _rng.NextDouble() < _epsilon ? _rng.Next(_stats.Length) : Greedy.BestMean(_stats);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats[arm].Add(reward);
        _round++;
    }
}
