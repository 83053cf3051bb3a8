using Hindsight.Bandits;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Environments;

/// <summary>
/// A linear contextual bandit (the setting of LinUCB, Li et al. WWW 2010): each round a context x ∈ ℝᵈ of unit length (a
/// point uniform in the cube [−1, 1]ᵈ, normalized: cheap to draw, and every direction occurs); arm a has an unknown θₐ,
/// uniform on the unit sphere (drawn per run); the mean reward is μₜ,ₐ = θₐ·xₜ
/// and the reward μₜ,ₐ + σ·N(0, 1) (linear) or Bernoulli(1 / (1 + exp(−s·θₐ·xₜ))) (logistic, with μ the probability).
/// </summary>
/// <remarks>The dynamic regret Σₜ (maxₐ μₜ,ₐ − μₜ,Iₜ) is the regret against the best policy x ↦ argmaxₐ θₐ·x, which is
/// the optimal policy here.</remarks>
public sealed class LinearContextualEnvironment : IBanditEnvironment
{
    /// <summary>Creates the environment.</summary>
    /// <param name="arms">Number of arms K ≥ 2.</param>
    /// <param name="dimension">Context dimension d ≥ 1.</param>
    /// <param name="noise">Gaussian reward noise σ ≥ 0 (linear rewards).</param>
    /// <param name="logisticScale">When positive, rewards are Bernoulli with logit s·θ·x instead of linear.</param>
    public LinearContextualEnvironment(int arms, int dimension, double noise = 0.1, double logisticScale = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, 4096);
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        ArgumentOutOfRangeException.ThrowIfNegative(logisticScale);
        Arms = arms;
        Dimension = dimension;
        Noise = noise;
        LogisticScale = logisticScale;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>The context dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The Gaussian noise σ of linear rewards.</summary>
    public double Noise { get; }

    /// <summary>The logit scale s of logistic rewards (0: linear rewards).</summary>
    public double LogisticScale { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(this, seed, run);

    private sealed class Oracle(LinearContextualEnvironment env, ulong seed, long run)
        : UnitContextOracle(env.Arms, env.Dimension, "linear", seed, run)
    {
        public override double Reward(long round, int arm)
        {
            double mean = Mean(round, arm);
            return env.LogisticScale > 0
                ? (CounterRng.Uniform(RewardKey, round, arm) < mean ? 1.0 : 0.0)
                : mean + (env.Noise * CounterRng.Normal(RewardKey, round, arm));
        }

        protected override void Means(ReadOnlySpan<double> dots, Span<double> means)
        {
            for (int a = 0; a < dots.Length; a++)
            {
                means[a] = env.LogisticScale > 0 ? 1.0 / (1.0 + Math.Exp(-env.LogisticScale * dots[a])) : dots[a];
            }
        }
    }
}
