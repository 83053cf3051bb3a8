using MathNet.Numerics.Distributions;

namespace Hindsight.Evaluation;

/// <summary>
/// Off-policy value estimators, decoupled from any learner: each takes the logged samples of one target policy and
/// returns an estimate with a 95% confidence interval (Student t on the per-sample terms; the delta method for the
/// ratio estimator SNIPS). An undefined estimate (no samples; SNIPS with no weight) is NaN, and an interval that needs
/// two samples is NaN with one: never a misleading zero-width interval.
/// </summary>
/// <remarks>
/// IPS (Horvitz and Thompson 1952): V̂ = (1/n) Σ wᵢ rᵢ. SNIPS (Swaminathan and Joachims, "The self-normalized estimator
/// for counterfactual learning", NeurIPS 2015): V̂ = Σ wᵢ rᵢ / Σ wᵢ. DM: V̂ = (1/n) Σ Σₐ π(a|xᵢ) q̂(xᵢ, a). DR (Dudík,
/// Langford and Li, "Doubly robust policy evaluation and learning", ICML 2011):
/// V̂ = (1/n) Σ [Σₐ π(a|xᵢ) q̂(xᵢ, a) + wᵢ (rᵢ − q̂(xᵢ, aᵢ))].
/// </remarks>
public static class OffPolicyEstimators
{
    /// <summary>Every estimator's name, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ips", "snips", "dm", "dr"];

    /// <summary>Runs one estimator by name.</summary>
    /// <param name="name">ips, snips, dm or dr.</param>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate.</returns>
    public static OffPolicyEstimate Estimate(string name, ReadOnlySpan<OffPolicySample> samples) => name switch
    {
        "ips" => Ips(samples),
        "snips" => Snips(samples),
        "dm" => Dm(samples),
        "dr" => Dr(samples),
        _ => throw new ArgumentException($"Unknown estimator '{name}'.", nameof(name)),
    };

    /// <summary>Inverse propensity scoring.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate.</returns>
    public static OffPolicyEstimate Ips(ReadOnlySpan<OffPolicySample> samples)
        => MeanOf("ips", samples, static s => s.Weight * s.Reward);

    /// <summary>The direct method (the reward model's value of the target policy).</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate.</returns>
    public static OffPolicyEstimate Dm(ReadOnlySpan<OffPolicySample> samples)
        => MeanOf("dm", samples, static s => s.ModelValue);

    /// <summary>Doubly robust.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate.</returns>
    public static OffPolicyEstimate Dr(ReadOnlySpan<OffPolicySample> samples)
        => MeanOf("dr", samples, static s => s.ModelValue + (s.Weight * (s.Reward - s.ModelOfLogged)));

    /// <summary>Self-normalized IPS, with the delta-method interval
    /// V̂ ± t · √(Σ wᵢ² (rᵢ − V̂)²) / Σ wᵢ.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate.</returns>
    public static OffPolicyEstimate Snips(ReadOnlySpan<OffPolicySample> samples)
    {
        int n = samples.Length;
        double sumW = 0, sumWr = 0;
        foreach (OffPolicySample s in samples)
        {
            sumW += s.Weight;
            sumWr += s.Weight * s.Reward;
        }

        if (n == 0 || sumW <= 0)
        {
            return new OffPolicyEstimate("snips", double.NaN, double.NaN, double.NaN, n); // no weight: undefined
        }

        double value = sumWr / sumW;
        double squares = 0;
        foreach (OffPolicySample s in samples)
        {
            double d = s.Weight * (s.Reward - value);
            squares += d * d;
        }

        double half = Quantile(n) * Math.Sqrt(squares * n / Math.Max(1, n - 1)) / sumW;
        return new OffPolicyEstimate("snips", value, value - half, value + half, n);
    }

    private static OffPolicyEstimate MeanOf(string name, ReadOnlySpan<OffPolicySample> samples, Func<OffPolicySample, double> term)
    {
        int n = samples.Length;
        if (n == 0)
        {
            return new OffPolicyEstimate(name, double.NaN, double.NaN, double.NaN, 0); // no samples: undefined
        }

        double sum = 0;
        foreach (OffPolicySample s in samples)
        {
            sum += term(s);
        }

        double mean = sum / n;
        if (n < 2)
        {
            return new OffPolicyEstimate(name, mean, double.NaN, double.NaN, n); // one sample: no interval
        }

        double squares = 0;
        foreach (OffPolicySample s in samples)
        {
            double d = term(s) - mean;
            squares += d * d;
        }

        double half = Quantile(n) * Math.Sqrt(squares / (n - 1) / n);
        return new OffPolicyEstimate(name, mean, mean - half, mean + half, n);
    }

    private static double Quantile(int n) => n < 2 ? 0 : StudentT.InvCDF(0, 1, n - 1, 0.975);
}
