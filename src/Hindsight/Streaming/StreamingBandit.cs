using Hindsight.Numerics;

namespace Hindsight.Streaming;

/// <summary>
/// A single-pass streaming bandit (Wang, "Tight Regret Bounds for Single-pass Streaming Multi-armed Bandits", ICML
/// 2023): K Bernoulli arms arrive one at a time in a fixed order; a learner may pull only arms it holds in memory, holds
/// at most a bounded number of them, and cannot recall an arm it discarded. T pulls in all.
/// </summary>
public sealed class StreamingBandit
{
    private readonly double[] _means;

    /// <summary>Creates the stream.</summary>
    /// <param name="means">The arms' means in [0, 1], in arrival order.</param>
    public StreamingBandit(double[] means)
    {
        ArgumentNullException.ThrowIfNull(means);
        if (means.Length < 1 || means.Any(m => !(m >= 0 && m <= 1)))
        {
            throw new ArgumentException("A stream needs at least one arm, every mean in [0, 1].", nameof(means));
        }

        _means = [.. means];
    }

    /// <summary>The number of arms K.</summary>
    public int Arms => _means.Length;

    /// <summary>The best mean μ*.</summary>
    public double Best => _means.Max();

    /// <summary>K arms with means drawn uniformly from [low, high], in random order.</summary>
    /// <param name="arms">K ≥ 1.</param>
    /// <param name="seed">The draw's seed.</param>
    /// <param name="low">The smallest mean.</param>
    /// <param name="high">The largest mean.</param>
    /// <returns>The stream.</returns>
    public static StreamingBandit Uniform(int arms, ulong seed, double low = 0.0, double high = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        var rng = new SeededRandom(seed);
        return new StreamingBandit([.. Enumerable.Range(0, arms).Select(_ => low + ((high - low) * rng.NextDouble()))]);
    }

    /// <summary>Opens a pass over the stream.</summary>
    /// <param name="horizon">T ≥ 1 pulls.</param>
    /// <param name="memory">The most arms held at once (≥ 1).</param>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>The pass.</returns>
    public StreamingPass Start(long horizon, int memory, ulong seed, long run) => new(_means, horizon, memory, CounterRng.Key(seed, run, CounterRng.Hash("streaming")));
}
