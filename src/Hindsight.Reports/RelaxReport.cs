using System.Globalization;
using System.Text;
using Hindsight.Relax;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a learning-to-relax study: <c>results.json</c> (the sequence, the ω grid, the comparators' totals,
/// each tuner's total iterations with CIs, its external and dynamic regret, and cumulative iterations at checkpoints)
/// and <c>report.html</c>.
/// </summary>
public static class RelaxReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(RelaxStudyResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(RelaxStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RelaxStudy s = result.Study;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, s.Name, "relax");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("runs", s.Runs);
            w.WritePropertyName("sequence");
            ResultsJson.WriteEntry(w, s.SequenceKind, s.SequenceKind, s.SequenceParameters);
            w.WriteNumber("unknowns", s.Sequence.GridSize * s.Sequence.GridSize);
            ResultsJson.WriteSeries(w, "omegas", s.Omegas.Select(x => (double?)x));
            w.WriteNumber("tolerance", s.Tolerance);
            w.WriteNumber("maxIterations", s.MaxIterations);
            ResultsJson.WriteEntries(w, "learners", s.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            w.WritePropertyName("comparators");
            w.WriteStartObject();
            w.WriteNumber("bestFixedOmega", s.Omegas[result.BestFixedArm]);
            w.WriteNumber("bestFixedTotal", result.BestFixedTotal);
            w.WriteNumber("instanceOptimalTotal", result.InstanceOptimalTotal);
            if (result.GaussSeidelTotal is { } gs)
            {
                w.WriteNumber("gaussSeidelTotal", gs);
            }

            ResultsJson.WriteSeries(w, "fixedTotals", Enumerable.Range(0, s.Omegas.Count).Select(result.Table.Total).Select(x => (double?)x));
            w.WriteEndObject();
            ResultsJson.WriteIntegers(w, "checkpoints", result.Checkpoints);
            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (RelaxLearnerResult l in result.Learners)
            {
                w.WriteStartObject();
                w.WriteString("learner", l.Learner);
                Statistic(w, "totalIterations", l.Total);
                ResultsJson.WriteSeries(w, "runTotals", l.Totals.Select(x => (double?)x));
                w.WriteNumber("ratioToBestFixed", l.Total.Mean / result.BestFixedTotal);
                w.WritePropertyName("regrets");
                w.WriteStartObject();
                Statistic(w, "external", l.External);
                Statistic(w, "dynamic", l.Dynamic);
                w.WriteEndObject();
                ResultsJson.WriteSeries(w, "cumulativeIterations", l.Cumulative.Select(x => (double?)x));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>Self-contained HTML.</returns>
    public static string ToHtml(RelaxStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RelaxStudy s = result.Study;
        DriftingDiffusion q = s.Sequence;
        var sb = new StringBuilder();
        ReportPage.Head(sb, s.Name, "learning-to-relax", s.Description);
        sb.Append(CultureInfo.InvariantCulture, $"<p>{ReportPage.H(s.SequenceKind)}: {q.Count:N0} systems of size {q.GridSize}² = {q.GridSize * q.GridSize:N0}, shift c from {q.MinShift} to {q.MaxShift} ({q.Periods} periods); ");
        sb.Append(CultureInfo.InvariantCulture, $"SOR from x₀ = 0 to ‖b − Ax‖ ≤ {s.Tolerance:G3}‖b‖ (cap {s.MaxIterations:N0}); {s.Omegas.Count} values of ω from {s.Omegas[0]} to {s.Omegas[^1]}; {s.Runs} runs per tuner, seed {s.Seed}. Hindsight {ReportPage.H(ResultsJson.Version)}. ");
        sb.Append("<b>External regret</b> = Σ<sub>t</sub> c<sub>t</sub>(ω<sub>t</sub>) − min<sub>ω</sub> Σ<sub>t</sub> c<sub>t</sub>(ω) (best fixed ω in hindsight); <b>dynamic regret</b> = Σ<sub>t</sub> c<sub>t</sub>(ω<sub>t</sub>) − Σ<sub>t</sub> min<sub>ω</sub> c<sub>t</sub>(ω) (instance-optimal ω); c = iterations (Khodak et al. 2024). Student-t 95% CIs over runs.</p>\n");
        var series = new List<(string, IReadOnlyList<double>, bool, int)>();
        int color = 0;
        foreach (RelaxLearnerResult l in result.Learners)
        {
            series.Add((l.Learner, l.Cumulative, false, color++));
        }

        series.Add((string.Create(CultureInfo.InvariantCulture, $"best fixed ω = {s.Omegas[result.BestFixedArm]}"), result.CumulativeOf(result.BestFixedArm), true, color++));
        series.Add(("instance-optimal ω", result.CumulativeInstanceOptimal(), true, color++));
        sb.Append("<div class=\"plots\">").Append(Charts.Convergence("cumulative SOR iterations", "instance", "iterations", result.Checkpoints, series)).Append("</div>\n");
        sb.Append("<table><tr><th>policy</th><th>total iterations</th><th>÷ best fixed</th><th>external regret</th><th>dynamic regret</th></tr>\n");
        foreach (RelaxLearnerResult l in result.Learners)
        {
            sb.Append("<tr><td>").Append(ReportPage.H(l.Learner)).Append("</td><td>").Append(ReportPage.Stat(l.Total, "N0"))
              .Append(CultureInfo.InvariantCulture, $"</td><td>{l.Total.Mean / result.BestFixedTotal:0.000}</td><td>")
              .Append(ReportPage.Stat(l.External, "N0")).Append("</td><td>").Append(ReportPage.Stat(l.Dynamic, "N0")).Append("</td></tr>\n");
        }

        Row(sb, string.Create(CultureInfo.InvariantCulture, $"best fixed ω = {s.Omegas[result.BestFixedArm]}"), result.BestFixedTotal, result.BestFixedTotal);
        Row(sb, "instance-optimal ω", result.InstanceOptimalTotal, result.BestFixedTotal);
        if (result.GaussSeidelTotal is { } gs)
        {
            Row(sb, "Gauss–Seidel (ω = 1)", gs, result.BestFixedTotal);
        }

        sb.Append("</table>\n<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

    private static void Statistic(System.Text.Json.Utf8JsonWriter w, string name, Simulation.Statistic s)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        ResultsJson.WriteStatistic(w, s);
        w.WriteEndObject();
    }

    private static void Row(StringBuilder sb, string label, double total, double bestFixed)
        => sb.Append("<tr><td>").Append(ReportPage.H(label)).Append(CultureInfo.InvariantCulture, $"</td><td>{total:N0}</td><td>{total / bestFixed:0.000}</td><td>—</td><td>—</td></tr>\n");
}
