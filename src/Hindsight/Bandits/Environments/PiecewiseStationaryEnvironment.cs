using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>
/// Piecewise-stationary Bernoulli arms (Garivier and Moulines, ALT 2011): the means are constant between change
/// points and jump at them. Segment s starts at round <c>starts[s]</c> (the first at round 1) and uses
/// <c>means[s]</c>.
/// </summary>
public sealed class PiecewiseStationaryEnvironment : IBanditEnvironment
{
    private readonly long[] _starts;
    private readonly double[][] _means;
    private readonly double[] _best;

    /// <summary>Creates the environment.</summary>
    /// <param name="changePoints">The rounds (&gt; 1, increasing) at which a new segment starts.</param>
    /// <param name="means">The means of each segment: one list per segment (change points + 1), one mean per arm in [0, 1].</param>
    public PiecewiseStationaryEnvironment(IReadOnlyList<long> changePoints, IReadOnlyList<IReadOnlyList<double>> means)
    {
        ArgumentNullException.ThrowIfNull(changePoints);
        ArgumentNullException.ThrowIfNull(means);
        if (means.Count != changePoints.Count + 1)
        {
            throw new ArgumentException($"{changePoints.Count} change points need {changePoints.Count + 1} segments of means, not {means.Count}.", nameof(means));
        }

        long previous = 1;
        foreach (long c in changePoints)
        {
            if (c <= previous)
            {
                throw new ArgumentException($"Change points must be increasing rounds above 1; {c} is not.", nameof(changePoints));
            }

            previous = c;
        }

        int arms = means[0].Count;
        if (arms == 0)
        {
            throw new ArgumentException("At least one arm is needed.", nameof(means));
        }

        _means = new double[means.Count][];
        _best = new double[means.Count];
        for (int s = 0; s < means.Count; s++)
        {
            if (means[s].Count != arms)
            {
                throw new ArgumentException($"Segment {s + 1} has {means[s].Count} means; segment 1 has {arms}.", nameof(means));
            }

            if (means[s].Any(m => !(m >= 0 && m <= 1)))
            {
                throw new ArgumentOutOfRangeException(nameof(means), $"Segment {s + 1} has a Bernoulli mean outside [0, 1].");
            }

            _means[s] = [.. means[s]];
            _best[s] = _means[s].Max();
        }

        _starts = [1, .. changePoints];
        Arms = arms;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public bool IsStationary => _starts.Length == 1;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <summary>The segment that contains a round.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <returns>The segment index.</returns>
    public int Segment(long round)
    {
        int i = Array.BinarySearch(_starts, round);
        return i >= 0 ? i : ~i - 1;
    }

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run) => new Oracle(this, CounterRng.Key(seed, run, CounterRng.Hash("piecewise")));

    private sealed class Oracle(PiecewiseStationaryEnvironment env, ulong key) : IBanditOracle
    {
        public int Arms => env.Arms;

        public bool IsStationary => env.IsStationary;

        public double Mean(long round, int arm) => env._means[env.Segment(round)][arm];

        public double BestMean(long round) => env._best[env.Segment(round)];

        public double Reward(long round, int arm) => CounterRng.Uniform(key, round, arm) < Mean(round, arm) ? 1.0 : 0.0;
    }
}
