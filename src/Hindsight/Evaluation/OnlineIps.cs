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

    /// <summary>The mean of the terms added so far (0 before any).</summary>
    public double Mean => _mean;

    /// <summary>Welford's running Σ (termᵢ − mean)² of the terms added so far.</summary>
    public double SquaredDeviations => _m2;

    /// <summary>Running sums saved earlier (<see cref="Count"/>, <see cref="Mean"/>, <see cref="SquaredDeviations"/>),
    /// e.g. from a model snapshot.</summary>
    /// <param name="count">The number of terms.</param>
    /// <param name="mean">Their mean.</param>
    /// <param name="squaredDeviations">Their Σ (termᵢ − mean)².</param>
    /// <returns>The estimate as it was.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or sum of squares, or a value that is not finite.</exception>
    public static OnlineIps FromState(long count, double mean, double squaredDeviations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        }

        if (!(squaredDeviations >= 0) || !double.IsFinite(squaredDeviations))
        {
            throw new ArgumentOutOfRangeException(nameof(squaredDeviations), squaredDeviations, "The sum of squares must be finite and non-negative.");
        }

        return new OnlineIps { Count = count, _mean = mean, _m2 = squaredDeviations };
    }

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
