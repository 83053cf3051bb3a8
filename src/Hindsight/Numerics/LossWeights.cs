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

    /// <summary>Up to this many experts the scalar path is faster (TensorPrimitives' per-call cost dominates).</summary>
    private const int SmallK = 16;

    /// <summary>Writes the unnormalized weights and returns their sum (≥ 1).</summary>
    /// <param name="losses">Cumulative losses L.</param>
    /// <param name="eta">The learning rate η ≥ 0 (finite).</param>
    /// <param name="weights">Receives w (may not alias <paramref name="losses"/>).</param>
    /// <returns>Σ w.</returns>
    public static double Unnormalized(ReadOnlySpan<double> losses, double eta, Span<double> weights)
    {
        if (losses.Length <= SmallK)
        {
            // A few experts (players' strategies in a game): one scalar pass for shift, scale and floor, then the vector
            // exponential — measured 56–74 ns against 78–91 ns for six TensorPrimitives calls at K = 10.
            double least = losses[0];
            for (int i = 1; i < losses.Length; i++)
            {
                least = Math.Min(least, losses[i]);
            }

            for (int i = 0; i < losses.Length; i++)
            {
                weights[i] = Math.Max(-eta * (losses[i] - least), MinExponent);
            }

            TensorPrimitives.Exp(weights, weights);
            double sum = 0;
            foreach (double w in weights)
            {
                sum += w;
            }

            return sum;
        }

        double min = TensorPrimitives.Min(losses);
        TensorPrimitives.Subtract(losses, min, weights);
        TensorPrimitives.Multiply(weights, -eta, weights);
        TensorPrimitives.Max(weights, MinExponent, weights);
        TensorPrimitives.Exp(weights, weights);
        return TensorPrimitives.Sum<double>(weights);
    }

    /// <summary>Writes the normalized weights p ∝ exp(−η (L − min L)).</summary>
    /// <param name="losses">Cumulative losses L.</param>
    /// <param name="eta">The learning rate η ≥ 0 (finite).</param>
    /// <param name="probabilities">Receives p (may not alias <paramref name="losses"/>).</param>
    public static void Normalized(ReadOnlySpan<double> losses, double eta, Span<double> probabilities)
    {
        double sum = Unnormalized(losses, eta, probabilities);
        if (probabilities.Length <= SmallK)
        {
            for (int i = 0; i < probabilities.Length; i++)
            {
                probabilities[i] /= sum;
            }

            return;
        }

        TensorPrimitives.Divide(probabilities, sum, probabilities);
    }
}
