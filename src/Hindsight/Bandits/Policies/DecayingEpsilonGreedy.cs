using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// ε_t-greedy with a decaying ε (Auer, Cesa-Bianchi and Fischer, "Finite-time analysis of the multiarmed bandit
/// problem", Machine Learning 2002, §3): ε_t = min(1, c K / (d² t)), where 0 &lt; d ≤ the smallest gap.
/// </summary>
/// <remarks>Logarithmic pseudo-regret when c &gt; 5 and d is a true lower bound on the gaps; an upper bound on
/// regret of order (c K / d²) ln T. Plays each arm once first.</remarks>
public sealed class DecayingEpsilonGreedy : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly double _scale;
    private readonly SeededRandom _rng = new(0);
    private long _round = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="c">The constant c &gt; 0.</param>
    /// <param name="d">The assumed gap lower bound d ∈ (0, 1].</param>
    public DecayingEpsilonGreedy(int arms, double c, double d)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        _stats = new ArmStats[arms];
        _scale = c * arms / (d * d);
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

        double epsilon = Math.Min(1.0, _scale / _round);
        return _rng.NextDouble() < epsilon ? _rng.Next(_stats.Length) : Greedy.BestMean(_stats);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats[arm].Add(reward);
        _round++;
    }
}
