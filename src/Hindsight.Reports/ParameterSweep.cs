using System.Globalization;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// Learners of one kind that differ in one numeric parameter (and possibly in choices or flags): the final regret as
/// a function of that parameter, one series per setting of the rest — e.g. regret against an observation budget.
/// </summary>
/// <param name="Kind">The learners' registered kind.</param>
/// <param name="Parameter">The numeric parameter on the x axis.</param>
/// <param name="Series">One series per setting of the other parameters.</param>
public sealed record ParameterSweep(string Kind, string Parameter, IReadOnlyList<ParameterSeries> Series)
{
    /// <summary>Finds the parameter sweeps among an environment's pairs: per learner kind with at least three learners,
    /// when exactly one numeric parameter takes at least three values.</summary>
    /// <param name="pairs">The pairs of one environment.</param>
    /// <param name="meter">The regret to read.</param>
    /// <returns>The sweeps found (often none).</returns>
    public static IReadOnlyList<ParameterSweep> Find(IReadOnlyList<PairResult> pairs, string meter)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var found = new List<ParameterSweep>();
        foreach (var group in pairs.GroupBy(p => p.Learner.Kind).Where(g => g.Count() >= 3))
        {
            var members = group.ToList();
            string[] names = [.. members[0].Learner.Parameters.Select(kv => kv.Key)];
            var numeric = names.Where(n => members.All(m => Number(m, n) is not null)
                && members.Select(m => Number(m, n)!.Value).Distinct().Count() >= 3).ToList();
            if (numeric.Count != 1)
            {
                continue;
            }

            string x = numeric[0];
            string[] others = [.. names.Where(n => n != x && members.Select(m => Text(m, n)).Distinct().Count() > 1)];
            var series = new List<ParameterSeries>();
            foreach (var bySetting in members.GroupBy(m => string.Join(", ", others.Select(o => $"{o}={Text(m, o)}"))))
            {
                var points = bySetting
                    .Select(m => (X: Number(m, x)!.Value, Stat: m.Meters.FirstOrDefault(r => r.Name == meter && r.Kind == MeterKind.Regret)?.Final))
                    .Where(pt => pt.Stat is not null)
                    .OrderBy(pt => pt.X)
                    .Select(pt => new ParameterPoint(pt.X, pt.Stat!.Value.Mean, pt.Stat.Value.Low, pt.Stat.Value.High))
                    .ToList();
                if (points.Count > 0)
                {
                    series.Add(new ParameterSeries(bySetting.Key.Length > 0 ? bySetting.Key : group.Key, points));
                }
            }

            if (series.Count > 0)
            {
                found.Add(new ParameterSweep(group.Key, x, series));
            }
        }

        return found;
    }

    private static double? Number(PairResult pair, string name)
    {
        object? value = pair.Learner.Parameters.FirstOrDefault(kv => kv.Key == name).Value;
        return value switch
        {
            long l => l,
            int i => i,
            double d when double.IsFinite(d) => d,
            _ => null,
        };
    }

    private static string Text(PairResult pair, string name)
        => Convert.ToString(pair.Learner.Parameters.FirstOrDefault(kv => kv.Key == name).Value, CultureInfo.InvariantCulture) ?? "null";
}
