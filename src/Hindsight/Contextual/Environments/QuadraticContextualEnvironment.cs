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

    private sealed class Oracle(QuadraticContextualEnvironment env, ulong seed, long run)
        : UnitContextOracle(env.Arms, env.Dimension, "quadratic", seed, run)
    {
        public override double Reward(long round, int arm) => CounterRng.Uniform(RewardKey, round, arm) < Mean(round, arm) ? 1.0 : 0.0;

        protected override void Means(ReadOnlySpan<double> dots, Span<double> means)
        {
            int label = 0;
            for (int a = 1; a < dots.Length; a++)
            {
                label = dots[a] * dots[a] > dots[label] * dots[label] ? a : label;
            }

            for (int a = 0; a < dots.Length; a++)
            {
                means[a] = a == label ? 1 - env.Noise : env.Noise;
            }
        }
    }
}
