using Hindsight.Numerics;

namespace Hindsight.Recovering;

/// <summary>
/// Bandits with recovering rewards (Simchi-Levi, Zheng and Zhu, "Offline Planning and Online Learning under Recovering
/// Rewards", 2021): each period up to K of N arms are pulled; an arm pulled after z idle periods pays a Bernoulli
/// reward of mean Rᵢ(z), which drops to Rᵢ(1) right after a pull and recovers as the arm rests, Rᵢ nondecreasing and
/// constant from z_max on. An arm never pulled before counts as fully rested.
/// </summary>
/// <remarks>Here Rᵢ(z) = cᵢ (1 − ρᵢ^z) for z &lt; z_max and cᵢ(1 − ρᵢ^{z_max}) after: cᵢ the rested reward, ρᵢ ∈ [0, 1)
/// how slowly it recovers. Rewards are addressed by (seed, run, period, arm): a planner replayed on the same run meets
/// the same random numbers.</remarks>
public sealed class RecoveringBandit
{
    private readonly double[] _scales;
    private readonly double[] _rates;

    /// <summary>Creates the bandit.</summary>
    /// <param name="scales">cᵢ ∈ [0, 1], one per arm (N of them).</param>
    /// <param name="rates">ρᵢ ∈ [0, 1), one per arm.</param>
    /// <param name="pulls">K, the most arms pulled a period (1 ≤ K ≤ N).</param>
    /// <param name="maxIdle">z_max ≥ 1: idle periods after which an arm is fully recovered.</param>
    public RecoveringBandit(double[] scales, double[] rates, int pulls, int maxIdle)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(rates);
        if (scales.Length < 1 || scales.Length != rates.Length)
        {
            throw new ArgumentException($"One scale and one rate per arm: got {scales.Length} and {rates.Length}.", nameof(rates));
        }

        if (scales.Any(c => !(c >= 0 && c <= 1)) || rates.Any(r => !(r >= 0 && r < 1)))
        {
            throw new ArgumentException("Scales must lie in [0, 1] and rates in [0, 1).", nameof(scales));
        }

        if (pulls < 1 || pulls > scales.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pulls), pulls, $"K must lie in [1, N = {scales.Length}].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdle, 1);
        _scales = [.. scales];
        _rates = [.. rates];
        Pulls = pulls;
        MaxIdle = maxIdle;
    }

    /// <summary>The number of arms N.</summary>
    public int Arms => _scales.Length;

    /// <summary>K, the most arms pulled a period.</summary>
    public int Pulls { get; }

    /// <summary>z_max.</summary>
    public int MaxIdle { get; }

    /// <summary>Rᵢ(z), the mean reward of arm i pulled after z ≥ 1 idle periods.</summary>
    /// <param name="arm">i.</param>
    /// <param name="idle">z ≥ 1 (values above z_max count as z_max).</param>
    /// <returns>The mean.</returns>
    public double Mean(int arm, int idle) => _scales[arm] * (1 - Math.Pow(_rates[arm], Math.Min(idle, MaxIdle)));

    /// <summary>Starts a run.</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>Period 1 of the run, every arm rested.</returns>
    public RecoveringState Start(ulong seed, long run) => new(this, CounterRng.Key(seed, run, CounterRng.Hash("recovering")));
}
