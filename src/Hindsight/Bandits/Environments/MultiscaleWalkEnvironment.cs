using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>
/// The hard instance of bandits with switching costs (Dekel, Ding, Koren and Peres, "Bandits with switching costs:
/// T^{2/3} regret", STOC 2014), with Bernoulli rewards: μₜ,ₐ = clip(½ + Wₜ + ε·1[a = χ], 0, 1), where χ is drawn
/// uniformly per run and W is the multi-scale random walk W₀ = 0, Wₜ = W_ρ(t) + ξₜ with ρ(t) = t − 2^δ(t) (t with its
/// lowest set bit cleared) and ξₜ ~ N(0, σ²), σ = 1/(9 log₂ T). Each round's rewards are Bernoulli(μₜ,ₐ), independent
/// across arms, so looking at more arms is informative but noisy.
/// </summary>
/// <remarks>The common walk hides the gap from a learner that compares arms at different rounds unless it switches;
/// the gap defaults to ε = c·(K/T)^(1/3) (c = <c>gapScale</c>), the scale at which bandit feedback forces Θ(T^(2/3))
/// regret with switching costs — so the instance is tuned to the horizon, which the runner passes through
/// <see cref="IHorizonAware.Prepare"/>. Each Wₜ is a sum of at most log₂ t + 1 draws, computed on demand from a
/// counter-based stream (no table).</remarks>
public sealed class MultiscaleWalkEnvironment : IBanditEnvironment, IHorizonAware
{
    private readonly double _gapScale;
    private readonly bool _walk;
    private double _gap;
    private double _sigma;

    /// <summary>Creates the environment; <see cref="Prepare"/> tunes the gap and the walk to the horizon.</summary>
    /// <param name="arms">Number of arms K ≥ 2.</param>
    /// <param name="gapScale">c in ε = c·(K/T)^(1/3), &gt; 0.</param>
    /// <param name="walk">Whether the rewards share the multi-scale random walk (false: W ≡ 0).</param>
    public MultiscaleWalkEnvironment(int arms, double gapScale = 2.0, bool walk = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        if (!(gapScale > 0) || !double.IsFinite(gapScale))
        {
            throw new ArgumentOutOfRangeException(nameof(gapScale), $"gapScale must be positive, got {gapScale}.");
        }

        Arms = arms;
        _gapScale = gapScale;
        _walk = walk;
        Prepare(1000);
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <summary>The gap ε for the prepared horizon.</summary>
    public double Gap => _gap;

    /// <summary>The walk's step deviation σ for the prepared horizon (0 without the walk).</summary>
    public double Sigma => _sigma;

    /// <inheritdoc />
    public void Prepare(long horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        _gap = Math.Min(0.5, _gapScale * Math.Cbrt(Arms / (double)horizon));
        _sigma = _walk ? 1.0 / (9.0 * Math.Max(1.0, Math.Log2(horizon))) : 0.0;
    }

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run)
    {
        ulong key = CounterRng.Key(seed, run, CounterRng.Hash("multiscale-walk"));
        ulong walkKey = CounterRng.Key(seed, run, CounterRng.Hash("multiscale-walk/steps"));
        int best = (int)(CounterRng.Uniform(key, 0, 0, 3) * Arms);
        return new Oracle(Arms, best, _gap, _sigma, key, walkKey);
    }

    private sealed class Oracle(int arms, int best, double gap, double sigma, ulong key, ulong walkKey) : IBanditOracle
    {
        private long _cachedRound = -1;
        private double _cachedWalk;

        public int Arms => arms;

        public bool IsStationary => false;

        public double Reward(long round, int arm) => CounterRng.Uniform(key, round, arm, 2) < Mean(round, arm) ? 1.0 : 0.0;

        public double Mean(long round, int arm) => Math.Clamp(0.5 + Walk(round) + (arm == best ? gap : 0.0), 0.0, 1.0);

        public double BestMean(long round) => Mean(round, best);

        private double Walk(long round)
        {
            if (round != _cachedRound)
            {
                double w = 0;
                if (sigma > 0)
                {
                    // W_t = Σ ξ_s over t's ancestors t, ρ(t), ρ(ρ(t)), … > 0, with ρ(s) = s & (s − 1).
                    for (long s = round; s > 0; s &= s - 1)
                    {
                        w += sigma * CounterRng.Normal(walkKey, s, 0);
                    }
                }

                _cachedWalk = w;
                _cachedRound = round;
            }

            return _cachedWalk;
        }
    }
}
