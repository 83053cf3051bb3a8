using Hindsight.Contextual.Oracles;
using Hindsight.Exploration;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// NeuFastCB (Deb, Ban, Zuo, He, Banerjee, "Contextual Bandits with Online Neural Regression", ICLR 2024): FastCB's
/// first-order inverse gap weighting (Foster and Krishnamurthy 2021), p(a) = ĉ(a*) / (K ĉ(a*) + γₜ (ĉ(a) − ĉ(a*))) for
/// a ≠ a*, over the costs predicted by a perturbed one-hidden-layer network trained online on KL (log) loss
/// (<see cref="OnlineNetwork"/> with <see cref="RegressionLoss.Log"/>).
/// </summary>
/// <remarks>γₜ = γ₀ √t. The paper proves Õ(√(K L*) + K) regret, L* the best policy's cumulative loss — small when
/// the best policy rarely errs, where this variant explores far less than NeuSquareCB.</remarks>
public sealed class NeuFastCb : NeuralPolicy
{
    private readonly double _gamma;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="gamma">γ₀ &gt; 0: γₜ = γ₀ √t.</param>
    /// <param name="width">Hidden width m.</param>
    /// <param name="learningRate">Step size η.</param>
    /// <param name="perturbation">Perturbation scale σ.</param>
    public NeuFastCb(int arms, double gamma = 10, int width = 32, double learningRate = 0.5, double perturbation = 0.1)
        : base(arms, width, RegressionLoss.Log, learningRate, perturbation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        _gamma = gamma;
    }

    private protected override void Distribution(ReadOnlySpan<float> costs, long round, Span<float> pmf)
        => Explore.FastCb(costs, (float)(_gamma * Math.Sqrt(round)), pmf);
}
