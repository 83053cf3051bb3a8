using Hindsight.Regret;

namespace Hindsight.Simulation;

/// <summary>One meter's aggregate over the runs of a pair.</summary>
/// <param name="Name">The meter's name.</param>
/// <param name="Kind">Regret or other statistic.</param>
/// <param name="Final">The statistic at the horizon.</param>
/// <param name="Curve">The statistic at each checkpoint.</param>
/// <param name="Rate">The growth exponent (regrets only).</param>
public sealed record MeterResult(string Name, MeterKind Kind, Statistic Final, IReadOnlyList<Statistic> Curve, RateFit? Rate)
{
    /// <summary>Aggregates a meter over runs: the statistic across runs at each checkpoint, the last one as
    /// <see cref="Final"/>, and for a regret its growth exponent over the last two decades of the mean curve.</summary>
    /// <param name="name">The meter's name.</param>
    /// <param name="kind">Regret or other statistic.</param>
    /// <param name="checkpoints">The checkpoints.</param>
    /// <param name="runs">The runs (≥ 1).</param>
    /// <param name="value">The meter of run r at checkpoint c: value(r, c).</param>
    /// <returns>The aggregate.</returns>
    public static MeterResult OverRuns(string name, MeterKind kind, long[] checkpoints, int runs, Func<int, int, double> value)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var curve = new Statistic[checkpoints.Length];
        double[] means = new double[checkpoints.Length];
        double[] values = new double[runs];
        for (int c = 0; c < checkpoints.Length; c++)
        {
            for (int r = 0; r < runs; r++)
            {
                values[r] = value(r, c);
            }

            curve[c] = Statistic.Of(values);
            means[c] = curve[c].Mean;
        }

        return new MeterResult(name, kind, curve[^1], curve, kind == MeterKind.Regret ? RateFit.LastTwoDecades(checkpoints, means) : null);
    }
}
