using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>
/// A stochastically constrained adversary (Wei and Luo, COLT 2018; Zimmert and Seldin, JMLR 2021, §5): the means
/// move adversarially over time, but the best arm stays ahead of every other arm by a constant gap Δ. Here the
/// best arm's mean alternates between two levels in phases whose lengths grow geometrically (phase k holds the
/// rounds gᵏ ≤ t &lt; gᵏ⁺¹, k = ⌊ln t / ln g⌋), the others sit Δ below it, and rewards are Bernoulli draws.
/// </summary>
/// <remarks>Best-of-both-worlds learners (Tsallis-INF) keep logarithmic pseudo-regret here; learners that assume
/// fixed means (UCB1) are misled by the level shifts.</remarks>
public sealed class StochasticallyConstrainedEnvironment : IBanditEnvironment
{
    private readonly double _logGrowth;

    /// <summary>Creates the environment.</summary>
    /// <param name="arms">Number of arms K ≥ 2.</param>
    /// <param name="gap">The gap Δ &gt; 0 between the best arm and the others.</param>
    /// <param name="best">The index of the best arm.</param>
    /// <param name="low">The best arm's low level (≥ Δ).</param>
    /// <param name="high">The best arm's high level (≤ 1).</param>
    /// <param name="growth">The phase growth factor g &gt; 1.</param>
    public StochasticallyConstrainedEnvironment(int arms, double gap, int best, double low, double high, double growth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        if (best < 0 || best >= arms)
        {
            throw new ArgumentOutOfRangeException(nameof(best), $"Best arm {best} is not one of the {arms} arms.");
        }

        if (!(gap > 0 && low - gap >= 0 && high <= 1 && low <= high))
        {
            throw new ArgumentOutOfRangeException(nameof(gap), "Need Δ > 0, low − Δ ≥ 0, low ≤ high ≤ 1.");
        }

        if (!(growth > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(growth), "The growth factor must exceed 1.");
        }

        Arms = arms;
        Gap = gap;
        Best = best;
        Low = low;
        High = high;
        _logGrowth = Math.Log(growth);
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>The gap Δ.</summary>
    public double Gap { get; }

    /// <summary>The best arm.</summary>
    public int Best { get; }

    /// <summary>The best arm's low level.</summary>
    public double Low { get; }

    /// <summary>The best arm's high level.</summary>
    public double High { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <summary>The best arm's mean at a round.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <returns>Low in even phases, high in odd ones.</returns>
    public double Level(long round)
    {
        long phase = (long)Math.Floor(Math.Log(round) / _logGrowth);
        return (phase & 1) == 0 ? Low : High;
    }

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(this, CounterRng.Key(seed, run, CounterRng.Hash("stochastically-constrained")));

    private sealed class Oracle(StochasticallyConstrainedEnvironment env, ulong key) : IBanditOracle
    {
        public int Arms => env.Arms;

        public bool IsStationary => false;

        public double Mean(long round, int arm)
        {
            double level = env.Level(round);
            return arm == env.Best ? level : level - env.Gap;
        }

        public double BestMean(long round) => env.Level(round);

        public double Reward(long round, int arm) => CounterRng.Uniform(key, round, arm) < Mean(round, arm) ? 1.0 : 0.0;
    }
}
