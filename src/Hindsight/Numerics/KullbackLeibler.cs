using System.Runtime.CompilerServices;

namespace Hindsight.Numerics;

/// <summary>
/// Kullback–Leibler divergences of one-parameter families and the upper confidence indices built on them
/// (KL-UCB, Garivier and Cappé, "The KL-UCB algorithm for bounded stochastic bandits and beyond", COLT 2011).
/// </summary>
public static class KullbackLeibler
{
    /// <summary>The largest double below 1: kl(p, q) is evaluated up to it, so the pole at q = 1 is resolved to one ulp.</summary>
    private static readonly double OneMinusUlp = Math.BitDecrement(1.0);

    /// <summary>
    /// A cheap upper bound on <see cref="BernoulliUpperBound"/>: since kl(p, q) = ∫ₚ^q (x − p) / (x(1 − x)) dx ≥
    /// (q − p)² / (2V) with V = max of x(1 − x) on [p, q], the index is at most p + √(2Vd), where V = p(1 − p) when
    /// p ≥ ½ and ¼ (Pinsker) otherwise.
    /// </summary>
    /// <param name="p">The empirical mean in [0, 1].</param>
    /// <param name="d">The exploration budget.</param>
    /// <returns>An upper bound on the KL index, at most 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double BernoulliUpperBoundCeiling(double p, double d)
    {
        double v = p >= 0.5 ? p * (1 - p) : 0.25;
        return Math.Min(1.0, p + Math.Sqrt(2 * v * d));
    }

    /// <summary>Bernoulli divergence kl(p, q) = p ln(p/q) + (1−p) ln((1−p)/(1−q)), with 0 ln 0 = 0.</summary>
    /// <param name="p">First mean in [0, 1].</param>
    /// <param name="q">Second mean in [0, 1].</param>
    /// <returns>The divergence (may be +∞ when q is 0 or 1 and p differs).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Bernoulli(double p, double q)
    {
        p = Math.Clamp(p, 0.0, 1.0);
        q = Math.Clamp(q, double.Epsilon, OneMinusUlp);
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
    /// the smaller of two points right of the root (Pinsker's bound p + √(d/2) and a bound tight near q = 1); kl(p, ·) is convex and increasing on [p, 1],
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
            // kl(0, q) = −ln(1 − q) = d  ⇒  q = 1 − e^(−d); a series for small d keeps full relative precision.
            return d < 1e-5 ? d * (1 - (d * (0.5 - (d / 6)))) : 1.0 - Math.Exp(-d);
        }

        // Two points right of the root (kl(p, q) ≥ d there): Pinsker's p + √(d/2), and, since p ln(p/q) ≥ p ln p,
        // 1 − (1 − p) exp(−(d − p ln p) / (1 − p)), which is the tighter one near q = 1 where kl has its pole
        // and Newton from a poor start would crawl. Start from the smaller.
        double pinsker = p + Math.Sqrt(d / 2);
        double polar = 1.0 - ((1.0 - p) * Math.Exp(-(d - (p * Math.Log(p))) / (1.0 - p)));
        double q = Math.Min(pinsker, polar);
        if (q >= 1.0)
        {
            return 1.0;
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

    /// <summary>Categorical divergence KL(p‖q) = Σᵢ pᵢ ln(pᵢ/qᵢ) over p's support (+∞ when q puts no mass where p does).</summary>
    /// <param name="p">A distribution.</param>
    /// <param name="q">A distribution of the same length.</param>
    /// <returns>The divergence.</returns>
    public static double Categorical(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException("The distributions differ in length.", nameof(q));
        }

        double kl = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                kl += p[i] * Math.Log(p[i] / q[i]);
            }
        }

        return kl;
    }
}
