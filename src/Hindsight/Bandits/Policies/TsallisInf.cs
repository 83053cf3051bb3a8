using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Tsallis-INF with the ½-Tsallis entropy (Zimmert and Seldin, "Tsallis-INF: an optimal algorithm for
/// stochastic and adversarial bandits", JMLR 2021): follow the regularized leader with
/// Ψₜ(w) = −Σᵢ (4√wᵢ − 2wᵢ) / ηₜ, whose solution is wₜ,ᵢ = 4 (ηₜ (L̂ₜ₋₁,ᵢ − x))⁻² with the normalizer x chosen so
/// that Σᵢ wₜ,ᵢ = 1.
/// </summary>
/// <remarks>
/// <para>Best of both worlds: pseudo-regret O(√(KT)) against any oblivious adversary (Theorem 1 there; 4√(KT) + 1
/// with the IW estimator), and logarithmic pseudo-regret O(Σᵢ ln T / Δᵢ) in stochastic (and stochastically
/// constrained) environments.</para>
/// <para>Estimators: importance weighting (IW) ℓ̂ₜ,ᵢ = 1[Iₜ = i] ℓₜ,ᵢ / wₜ,ᵢ with ηₜ = 2/√t, or the paper's
/// reduced-variance estimator (RV, default) ℓ̂ₜ,ᵢ = 1[Iₜ = i](ℓₜ,ᵢ − Bₜ(i)) / wₜ,ᵢ + Bₜ(i),
/// Bₜ(i) = ½ · 1[wₜ,ᵢ ≥ ηₜ²], with ηₜ = 4/√t (Theorem 1). Losses are ℓ = 1 − reward.</para>
/// <para>The normalizer is solved to machine precision by safeguarded Newton: Σᵢ wᵢ(x) is convex and increasing
/// on x &lt; minᵢ L̂ᵢ, the bracket [min L̂ − 2√K/η, min L̂ − 2/η] always holds the root, Newton steps that leave the
/// bracket are replaced by bisection, and the previous round's x is the warm start (a few steps per round).</para>
/// </remarks>
public sealed class TsallisInf : IRandomizedPolicy
{
    private readonly double[] _losses;
    private readonly double[] _weights;
    private readonly bool _reducedVariance;
    private readonly SeededRandom _rng = new(0);
    private double _x;
    private double _eta;
    private long _round = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="reducedVariance">True for the reduced-variance estimator (default), false for importance weighting.</param>
    public TsallisInf(int arms, bool reducedVariance = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        _losses = new double[arms];
        _weights = new double[arms];
        _reducedVariance = reducedVariance;
        _x = double.NaN;
    }

    /// <inheritdoc />
    public int Arms => _weights.Length;

    /// <summary>The probabilities of the last <see cref="Choose"/>.</summary>
    public ReadOnlySpan<double> Probabilities => _weights;

    /// <inheritdoc />
    public void LastDistribution(Span<double> probabilities) => _weights.CopyTo(probabilities);

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_losses);
        Array.Clear(_weights);
        _rng.Reseed(seed);
        _round = 1;
        _x = double.NaN;
    }

    /// <inheritdoc />
    public int Choose()
    {
        _eta = (_reducedVariance ? 4.0 : 2.0) / Math.Sqrt(_round);
        _x = Normalize(_losses, _eta, _x, _weights);
        return Sampling.Draw(_weights, 1.0, _rng);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        double loss = 1.0 - reward;
        double[] l = _losses;
        double w = _weights[arm];
        if (_reducedVariance)
        {
            double threshold = _eta * _eta;
            double shift = w >= threshold ? 0.5 : 0.0;
            for (int i = 0; i < l.Length; i++)
            {
                if (_weights[i] >= threshold)
                {
                    l[i] += 0.5;
                }
            }

            l[arm] += (loss - shift) / w;
        }
        else
        {
            l[arm] += loss / w;
        }

        // Only differences L̂ᵢ − x matter: keep the numbers small by shifting both by min L̂.
        double min = l[0];
        for (int i = 1; i < l.Length; i++)
        {
            min = Math.Min(min, l[i]);
        }

        for (int i = 0; i < l.Length; i++)
        {
            l[i] -= min;
        }

        _x -= min;
        _round++;
    }

    /// <summary>
    /// Solves Σᵢ 4 (η (Lᵢ − x))⁻² = 1 for x &lt; min L and writes the normalized probabilities.
    /// </summary>
    /// <param name="losses">Cumulative loss estimates L.</param>
    /// <param name="eta">Learning rate η &gt; 0.</param>
    /// <param name="warmStart">A guess for x (NaN for none).</param>
    /// <param name="weights">Receives the probabilities (sum 1).</param>
    /// <returns>The normalizer x.</returns>
    public static double Normalize(ReadOnlySpan<double> losses, double eta, double warmStart, Span<double> weights)
    {
        double min = losses[0];
        for (int i = 1; i < losses.Length; i++)
        {
            min = Math.Min(min, losses[i]);
        }

        double hi = min - (2.0 / eta);                          // the best arm alone has weight 1: Σ ≥ 1
        double lo = min - (2.0 * Math.Sqrt(losses.Length) / eta); // every weight ≤ 1/K: Σ ≤ 1
        double x = double.IsNaN(warmStart) ? hi : Math.Clamp(warmStart, lo, hi);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double sum = 0.0, slope = 0.0;
            for (int i = 0; i < losses.Length; i++)
            {
                double inv = 1.0 / (eta * (losses[i] - x));
                double w = 4.0 * inv * inv;
                sum += w;
                slope += w * inv; // dwᵢ/dx = 8 / (η² (Lᵢ − x)³) = 2 η wᵢ · inv; factor 2η applied below
            }

            double f = sum - 1.0;
            if (Math.Abs(f) <= 1e-14)
            {
                break;
            }

            if (f > 0)
            {
                hi = x;
            }
            else
            {
                lo = x;
            }

            double next = x - (f / (2.0 * eta * slope));
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 1e-15 * Math.Max(1.0, Math.Abs(x)))
            {
                x = next;
                break;
            }

            x = next;
        }

        double total = 0.0;
        for (int i = 0; i < losses.Length; i++)
        {
            double inv = 1.0 / (eta * (losses[i] - x));
            weights[i] = 4.0 * inv * inv;
            total += weights[i];
        }

        double scale = 1.0 / total;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }

        return x;
    }
}
