using Hindsight.Bandits;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Environments;

/// <summary>
/// A non-linear contextual classification bandit: each round a unit context x (as in
/// <see cref="LinearContextualEnvironment"/>); arm a has an unknown unit θₐ (drawn per run); the correct arm is
/// argmaxₐ (θₐ·x)² — the quadratic reward functions of the neural bandit experiments (Zhou, Li, Gu, "Neural contextual
/// bandits with UCB-based exploration", ICML 2020) turned into classes. The correct arm's reward is Bernoulli(1 − q),
/// every other arm's Bernoulli(q), so the best policy's expected loss per round is q.
/// </summary>
/// <remarks>No linear score θ̂ₐ·x can express the boundary (each class is a double cone, symmetric under x ↦ −x), so
/// linear learners stay near chance while a network can learn it. Dynamic regret = (1 − 2q) × the number of wrong
/// arms played.</remarks>
public sealed class QuadraticContextualEnvironment : IBanditEnvironment
{
    /// <summary>Creates the environment.</summary>
    /// <param name="arms">Number of arms K ≥ 2.</param>
    /// <param name="dimension">Context dimension d ≥ 1.</param>
    /// <param name="noise">Label noise q ∈ [0, 0.5).</param>
    public QuadraticContextualEnvironment(int arms, int dimension, double noise = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, 4096);
        if (!(noise >= 0 && noise < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), "The label noise q must lie in [0, 0.5).");
        }

        Arms = arms;
        Dimension = dimension;
        Noise = noise;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>The context dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The label noise q.</summary>
    public double Noise { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(this, seed, run);

    private sealed class Oracle : IBanditOracle, IContextProvider
    {
        private readonly QuadraticContextualEnvironment _env;
        private readonly ulong _contextKey;
        private readonly ulong _rewardKey;
        private readonly double[] _theta;
        private readonly double[] _context;
        private long _cachedRound = -1;
        private int _label;

        public Oracle(QuadraticContextualEnvironment env, ulong seed, long run)
        {
            _env = env;
            _contextKey = CounterRng.Key(seed, run, CounterRng.Hash("quadratic/contexts"));
            _rewardKey = CounterRng.Key(seed, run, CounterRng.Hash("quadratic/rewards"));
            ulong thetaKey = CounterRng.Key(seed, run, CounterRng.Hash("quadratic/theta"));
            _theta = new double[env.Arms * env.Dimension];
            for (int a = 0; a < env.Arms; a++)
            {
                UnitDraws.UnitVector(thetaKey, a, _theta.AsSpan(a * env.Dimension, env.Dimension));
            }

            _context = new double[env.Dimension];
        }

        public int Arms => _env.Arms;

        public bool IsStationary => false;

        public int Dimension => _env.Dimension;

        public void Context(long round, Span<double> context)
        {
            Load(round);
            _context.CopyTo(context);
        }

        public double Mean(long round, int arm)
        {
            Load(round);
            return arm == _label ? 1 - _env.Noise : _env.Noise;
        }

        public double BestMean(long round) => 1 - _env.Noise;

        public double Reward(long round, int arm) => CounterRng.Uniform(_rewardKey, round, arm) < Mean(round, arm) ? 1.0 : 0.0;

        private void Load(long round)
        {
            if (round == _cachedRound)
            {
                return;
            }

            int d = _env.Dimension;
            UnitDraws.CubeDirection(_contextKey, round, _context);
            double best = double.NegativeInfinity;
            for (int a = 0; a < _env.Arms; a++)
            {
                double dot = 0;
                ReadOnlySpan<double> theta = _theta.AsSpan(a * d, d);
                for (int i = 0; i < d; i++)
                {
                    dot += theta[i] * _context[i];
                }

                if (dot * dot > best)
                {
                    best = dot * dot;
                    _label = a;
                }
            }

            _cachedRound = round;
        }
    }
}
