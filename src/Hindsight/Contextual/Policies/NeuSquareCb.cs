using Hindsight.Contextual.Oracles;
using Hindsight.Exploration;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// NeuSquareCB (Deb, Ban, Zuo, He, Banerjee, "Contextual Bandits with Online Neural Regression", ICLR 2024): SquareCB's
/// inverse gap weighting (Foster and Rakhlin 2020), p(a) = 1 / (K + γₜ (ĉ(a) − ĉ(a*))) for a ≠ a*, over the costs
/// predicted by a perturbed one-hidden-layer network trained online on square loss (<see cref="OnlineNetwork"/>).
/// </summary>
/// <remarks>γₜ = γ₀ √t (VW's squarecb schedule). The paper proves Õ(√(KT)) regret via the reduction from an O(log T)
/// online-regression regret of the perturbed network.</remarks>
public sealed class NeuSquareCb : NeuralPolicy
{
    private readonly double _gamma;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="gamma">γ₀ &gt; 0: γₜ = γ₀ √t.</param>
    /// <param name="width">Hidden width m.</param>
    /// <param name="learningRate">Step size η.</param>
    /// <param name="perturbation">Perturbation scale σ.</param>
    public NeuSquareCb(int arms, double gamma = 10, int width = 32, double learningRate = 0.5, double perturbation = 0.1)
        : base(arms, width, RegressionLoss.Square, learningRate, perturbation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        _gamma = gamma;
    }

    private protected override void Distribution(ReadOnlySpan<float> costs, long round, Span<float> pmf)
        => Explore.InverseGapWeighting(costs, (float)(_gamma * Math.Sqrt(round)), pmf);
}
