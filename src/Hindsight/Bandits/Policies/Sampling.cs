using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>Draws an index from non-negative weights with one uniform number (inverse CDF by a linear scan).</summary>
internal static class Sampling
{
    /// <summary>Draws i with probability weights[i] / total.</summary>
    public static int Draw(ReadOnlySpan<double> weights, double total, SeededRandom rng)
    {
        double u = rng.NextDouble() * total;
        double acc = 0.0;
        int last = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            acc += weights[i];
            last = i;
            if (u < acc)
            {
                return i;
            }
        }

        return last; // rounding left u at the very top: the last arm of positive weight
    }
}
