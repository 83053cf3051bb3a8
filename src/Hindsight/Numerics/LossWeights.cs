using System.Numerics.Tensors;

namespace Hindsight.Numerics;

/// <summary>
/// Exponential weights of cumulative losses, wᵢ = exp(−η (Lᵢ − minⱼ Lⱼ)), the kernel shared by EXP3, Hedge and their
/// variants: shifted by the minimum so the largest weight is 1, and floored at exp(−700) so no weight is subnormal
/// (subnormal arithmetic is about 100× slower). Vectorized with TensorPrimitives; allocates nothing.
/// </summary>
internal static class LossWeights
{
    private const double MinExponent = -700.0;

    /// <summary>Writes the unnormalized weights and returns their sum (≥ 1).</summary>
    /// <param name="losses">Cumulative losses L.</param>
    /// <param name="eta">The learning rate η ≥ 0 (finite).</param>
    /// <param name="weights">Receives w (may not alias <paramref name="losses"/>).</param>
    /// <returns>Σ w.</returns>
    public static double Unnormalized(ReadOnlySpan<double> losses, double eta, Span<double> weights)
    {
        double min = TensorPrimitives.Min(losses);
        TensorPrimitives.Subtract(losses, min, weights);
        TensorPrimitives.Multiply(weights, -eta, weights);
        TensorPrimitives.Max(weights, MinExponent, weights);
        TensorPrimitives.Exp(weights, weights);
        return TensorPrimitives.Sum<double>(weights);
    }
}
