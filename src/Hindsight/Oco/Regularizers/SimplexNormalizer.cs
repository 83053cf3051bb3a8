namespace Hindsight.Oco.Regularizers;

/// <summary>
/// Finds the multiplier λ with Σᵢ φ(η (Gᵢ + λ)) = 1 for a decreasing φ on (0, ∞) — the normalization of the
/// log-barrier and Tsallis leaders on the simplex — by safeguarded Newton's method on a bracket.
/// </summary>
internal static class SimplexNormalizer
{
    /// <summary>Solves for λ &gt; −min G; writes xᵢ = φ(η (Gᵢ + λ)).</summary>
    /// <param name="g">G.</param>
    /// <param name="eta">η.</param>
    /// <param name="phi">φ, positive and decreasing.</param>
    /// <param name="phiDerivative">φ'.</param>
    /// <param name="x">Receives the point.</param>
    public static void Solve(ReadOnlySpan<double> g, double eta, Func<double, double> phi, Func<double, double> phiDerivative, Span<double> x)
    {
        double min = double.PositiveInfinity;
        foreach (double v in g)
        {
            min = Math.Min(min, v);
        }

        // Σ φ(η(Gᵢ + λ)) decreases in λ: it is ≥ φ(η(min G + λ)) and ≤ K φ(η(min G + λ)). Bracket λ − (−min G) in (lo, hi].
        int k = g.Length;
        double lo = 0, hi = 1;
        while (Sum(g, eta, min, hi, phi) > 1)
        {
            hi *= 2;
        }

        double s = hi / 2;
        for (int i = 0; i < 200; i++)
        {
            double f = Sum(g, eta, min, s, phi) - 1;
            if (Math.Abs(f) < 1e-13)
            {
                break;
            }

            if (f > 0)
            {
                lo = s;
            }
            else
            {
                hi = s;
            }

            double derivative = 0;
            foreach (double v in g)
            {
                derivative += eta * phiDerivative(eta * (v - min + s));
            }

            double next = derivative < 0 ? s - (f / derivative) : double.NaN;
            s = next > lo && next < hi ? next : (lo + hi) / 2;
            if (hi - lo < 1e-15 * (1 + hi))
            {
                break;
            }
        }

        double total = 0;
        for (int i = 0; i < k; i++)
        {
            x[i] = phi(eta * (g[i] - min + s));
            total += x[i];
        }

        for (int i = 0; i < k; i++)
        {
            x[i] /= total; // the last rounding
        }
    }

    private static double Sum(ReadOnlySpan<double> g, double eta, double min, double s, Func<double, double> phi)
    {
        double total = 0;
        foreach (double v in g)
        {
            total += phi(eta * (v - min + s));
        }

        return total;
    }
}
