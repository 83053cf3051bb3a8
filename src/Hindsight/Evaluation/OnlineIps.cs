using MathNet.Numerics.Distributions;

namespace Hindsight.Evaluation;

/// <summary>
/// The inverse-propensity estimate of a target policy's value, kept online: each logged decision adds
/// w·r with w = π(a|x) / μ(a|x) (for a deterministic target, 1[π(x) = a] / μ(a|x)); the estimate is their mean
/// V̂ = (1/n) Σ wᵢrᵢ with the Student-t 95% interval V̂ ± t₀.₉₇₅,ₙ₋₁ · s / √n, as <see cref="OffPolicyEstimators.Ips"/>
/// gives for the same samples (Horvitz and Thompson 1952; Dudík, Langford and Li, ICML 2011). Used for progressive
/// validation: the target is evaluated on each decision before it learns from it. Welford's update keeps the variance
/// stable over millions of terms without storing them.
/// </summary>
public sealed class OnlineIps
{
    private double _mean;
    private double _m2;

    /// <summary>The number of decisions added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one decision's weighted reward w·r.</summary>
    /// <param name="weightedReward">w·r (0 when the target would not have taken the logged action).</param>
    /// <exception cref="ArgumentOutOfRangeException">The term is not finite.</exception>
    public void Add(double weightedReward)
    {
        if (!double.IsFinite(weightedReward))
        {
            throw new ArgumentOutOfRangeException(nameof(weightedReward), weightedReward, "A weighted reward must be finite.");
        }

        Count++;
        double delta = weightedReward - _mean;
        _mean += delta / Count;
        _m2 += delta * (weightedReward - _mean);
    }

    /// <summary>A copy of the running sums, e.g. to compute the interval outside a lock.</summary>
    /// <returns>An independent copy.</returns>
    public OnlineIps Copy() => new() { Count = Count, _mean = _mean, _m2 = _m2 };

    /// <summary>The estimate so far (NaN without decisions; no interval with one).</summary>
    /// <returns>The value with its 95% interval.</returns>
    public OffPolicyEstimate Estimate()
    {
        if (Count == 0)
        {
            return new OffPolicyEstimate("ips", double.NaN, double.NaN, double.NaN, 0);
        }

        if (Count < 2)
        {
            return new OffPolicyEstimate("ips", _mean, double.NaN, double.NaN, Count);
        }

        double half = StudentT.InvCDF(0, 1, Count - 1, 0.975) * Math.Sqrt(_m2 / (Count - 1) / Count);
        return new OffPolicyEstimate("ips", _mean, _mean - half, _mean + half, Count);
    }
}
