using System.Runtime.CompilerServices;

namespace Hindsight.Numerics;

/// <summary>
/// Kullback–Leibler divergences of one-parameter families and the upper confidence indices built on them
/// (KL-UCB, Garivier and Cappé, "The KL-UCB algorithm for bounded stochastic bandits and beyond", COLT 2011).
/// </summary>
public static class KullbackLeibler
{
    private const double Eps = 1e-15;

    /// <summary>Bernoulli divergence kl(p, q) = p ln(p/q) + (1−p) ln((1−p)/(1−q)), with 0 ln 0 = 0.</summary>
    /// <param name="p">First mean in [0, 1].</param>
    /// <param name="q">Second mean in [0, 1].</param>
    /// <returns>The divergence (may be +∞ when q is 0 or 1 and p differs).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Bernoulli(double p, double q)
    {
        p = Math.Clamp(p, 0.0, 1.0);
        q = Math.Clamp(q, Eps, 1.0 - Eps);
        double a = p > 0 ? p * Math.Log(p / q) : 0.0;
        double b = p < 1 ? (1 - p) * Math.Log((1 - p) / (1 - q)) : 0.0;
        return a + b;
    }

    /// <summary>Gaussian divergence with known variance σ²: (p − q)² / (2σ²).</summary>
    /// <param name="p">First mean.</param>
    /// <param name="q">Second mean.</param>
    /// <param name="sigma">The common standard deviation.</param>
    /// <returns>The divergence.</returns>
    public static double Gaussian(double p, double q, double sigma) => (p - q) * (p - q) / (2 * sigma * sigma);

    /// <summary>
    /// The Bernoulli KL upper confidence bound max{q ∈ [p, 1] : kl(p, q) ≤ d}, solved by Newton's method from
    /// the Pinsker bound p + √(d/2), which lies above the root; kl(p, ·) is convex and increasing on [p, 1],
    /// so the iterates decrease monotonically to the root (no bracketing needed). Accurate to 1e-12.
    /// </summary>
    /// <param name="p">The empirical mean in [0, 1].</param>
    /// <param name="d">The exploration budget (e.g. ln t / n), non-negative.</param>
    /// <returns>The index in [p, 1].</returns>
    public static double BernoulliUpperBound(double p, double d)
    {
        if (d <= 0)
        {
            return p;
        }

        if (p >= 1.0)
        {
            return 1.0;
        }

        if (p <= 0.0)
        {
            return -MathNet.Numerics.SpecialFunctions.Expm1(-d); // kl(0, q) = −ln(1 − q)
        }

        double q = p + Math.Sqrt(d / 2);
        if (q >= 1.0)
        {
            // Right end: kl(p, 1⁻) = +∞ > d, so the root is below 1; start just under 1.
            q = 1.0 - 1e-12;
            if (Bernoulli(p, q) <= d)
            {
                return q;
            }
        }

        for (int i = 0; i < 60; i++)
        {
            double f = Bernoulli(p, q) - d;
            double slope = (q - p) / (q * (1 - q));
            if (f <= 1e-14 || slope <= 0)
            {
                break;
            }

            double next = q - (f / slope);
            if (next <= p)
            {
                next = 0.5 * (p + q);
            }

            if (q - next < 1e-13)
            {
                q = next;
                break;
            }

            q = next;
        }

        return q;
    }
}
