using Hindsight.Regret;

namespace Hindsight.Simulation;

/// <summary>
/// An experiment rerun at several horizons: each pair's final regret at each T, and its growth exponent in T — the
/// least-squares slope of ln(mean final regret) on ln T. Unlike the within-run exponent, this one is right for
/// learners and environments tuned to the horizon (blocked EXP3's τ = T^(1/3), a lower-bound instance's gap).
/// </summary>
/// <param name="Horizons">The horizons, increasing (the experiment's own included).</param>
/// <param name="Pairs">One entry per pair of the experiment's own result.</param>
public sealed record HorizonSweep(IReadOnlyList<long> Horizons, IReadOnlyList<SweepPair> Pairs)
{
    /// <summary>Collects the final regrets of runs at several horizons.</summary>
    /// <param name="results">The results, by increasing horizon (one per horizon).</param>
    /// <param name="main">The result whose pairs and meters are listed.</param>
    /// <returns>The sweep.</returns>
    public static HorizonSweep From(IReadOnlyList<ExperimentResult> results, ExperimentResult main)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(main);
        long[] horizons = [.. results.Select(r => r.Experiment.Horizon)];
        var pairs = new List<SweepPair>();
        foreach (PairResult pair in main.Pairs)
        {
            var meters = new List<SweepMeter>();
            foreach (MeterResult meter in pair.Meters.Where(m => m.Kind == MeterKind.Regret))
            {
                var finals = new Statistic?[results.Count];
                double[] means = new double[results.Count];
                for (int i = 0; i < results.Count; i++)
                {
                    PairResult? p = results[i].Pairs.FirstOrDefault(x => x.Environment.Name == pair.Environment.Name && x.Learner.Name == pair.Learner.Name);
                    finals[i] = p?.Meters.First(m => m.Name == meter.Name).Final;
                    means[i] = finals[i]?.Mean ?? double.NaN;
                }

                meters.Add(new SweepMeter(meter.Name, finals, RateFit.Fit(horizons, means, horizons[0], horizons[^1])));
            }

            pairs.Add(new SweepPair(pair.Environment.Name, pair.Learner.Name, meters));
        }

        return new HorizonSweep(horizons, pairs);
    }
}
