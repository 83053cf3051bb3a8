using System.Globalization;
using System.Net;
using System.Text;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// Writes <c>report.html</c>: one self-contained file (inline SVG and CSS, no scripts, no network) with, per
/// environment, regret against t with 95% CI bands, log–log regret with fitted exponents and reference slopes, and a
/// table of final regret, reward, switches and speed.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The HTML text.</returns>
    public static string ToText(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Experiment e = result.Experiment;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<title>").Append(H(e.Name)).Append(" — Hindsight report</title>");
        sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
          .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
          .Append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.partial{background:#fee;padding:8px;border:1px solid #c00}")
          .Append(".plots{display:flex;flex-wrap:wrap;gap:8px}code{background:#f5f5f5;padding:1px 4px}</style></head><body>\n");
        sb.Append("<h1>").Append(H(e.Name)).Append("</h1>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Horizon T = {e.Horizon:N0}, {e.Runs} runs per pair, seed {e.Seed}. Hindsight {H(ResultsJson.Version)}. ");
        sb.Append("Regrets: <b>pseudo</b> = max<sub>a</sub> Σ μ<sub>s,a</sub> − Σ μ<sub>s,I<sub>s</sub></sub> (vs the best mean); ");
        sb.Append("<b>external</b> = max<sub>a</sub> Σ X<sub>s,a</sub> − Σ X<sub>s,I<sub>s</sub></sub> (vs the best fixed arm on the realized rewards); ");
        sb.Append("<b>dynamic</b> = Σ (max<sub>a</sub> μ<sub>s,a</sub> − μ<sub>s,I<sub>s</sub></sub>) (vs the per-round best). Intervals are Student-t 95% CIs of the mean over runs.</p>\n");
        if (result.Partial)
        {
            sb.Append("<p class=\"partial\"><b>Partial results:</b> the experiment was stopped before every run finished.</p>\n");
        }

        foreach (string note in result.Notes)
        {
            sb.Append("<p><i>Note:</i> ").Append(H(note)).Append("</p>\n");
        }

        foreach (EnvironmentSetup env in e.Environments)
        {
            var pairs = result.Pairs.Where(p => p.Environment.Name == env.Name).ToList();
            sb.Append("<h2>").Append(H(env.Name)).Append("</h2>\n<p><code>").Append(H(env.Kind)).Append("</code>, ")
              .Append(env.Environment.Arms).Append(" arms")
              .Append(env.Environment.IsStationary ? ", stationary" : ", non-stationary").Append(".</p>\n");
            if (pairs.Count == 0)
            {
                sb.Append("<p>No run finished.</p>\n");
                continue;
            }

            var regrets = pairs[0].Meters.Where(m => m.Kind == MeterKind.Regret).Select(m => m.Name).ToList();
            foreach (string meter in regrets)
            {
                sb.Append("<div class=\"plots\">")
                  .Append(Charts.RegretCurves(result.Checkpoints, pairs, meter))
                  .Append(Charts.LogLog(result.Checkpoints, pairs, meter))
                  .Append("</div>\n");
            }

            AppendTable(sb, pairs, regrets);
            if (regrets.Count > 0)
            {
                foreach (ParameterSweep sweep in ParameterSweep.Find(pairs, regrets[0]))
                {
                    AppendParameterSweep(sb, sweep, regrets[0]);
                }
            }

            if (result.Sweep is { } horizons)
            {
                AppendHorizonSweep(sb, horizons, env.Name, regrets);
            }
        }

        sb.Append("<p>Curves: <code>curves.csv</code>; all figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, List<PairResult> pairs, List<string> regrets)
    {
        sb.Append("<table><tr><th>learner</th>");
        foreach (string r in regrets)
        {
            sb.Append("<th>").Append(H(r)).Append(" regret (± CI)</th><th>").Append(H(r)).Append(" exponent</th>");
        }

        sb.Append("<th>reward</th><th>switches</th><th>best-arm fraction</th><th>runs</th><th>rounds/s</th></tr>\n");
        foreach (PairResult p in pairs)
        {
            sb.Append("<tr><td>").Append(H(p.Learner.Name)).Append("</td>");
            foreach (string r in regrets)
            {
                MeterResult m = p.Meters.First(x => x.Name == r);
                sb.Append("<td>").Append(ReportPage.Stat(m.Final, "0.##")).Append("</td><td>")
                  .Append(m.Rate?.Exponent is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "—").Append("</td>");
            }

            sb.Append("<td>").Append(ReportPage.Stat(Final(p, "reward"), "0.##")).Append("</td>");
            sb.Append("<td>").Append(ReportPage.Stat(Final(p, "switches"), "0.##")).Append("</td>");
            sb.Append("<td>").Append(Final(p, "bestArmFraction") is { } f ? f.Mean.ToString("0.000", CultureInfo.InvariantCulture) : "—").Append("</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{p.RunsCompleted}</td><td>{p.RoundsPerSecond:N0}</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void AppendParameterSweep(StringBuilder sb, ParameterSweep sweep, string meter)
    {
        sb.Append("<h3>").Append(H(meter)).Append(" regret against ").Append(H(sweep.Parameter)).Append(" (").Append(H(sweep.Kind)).Append(")</h3>\n");
        sb.Append("<div class=\"plots\">").Append(Charts.ParameterCurve(sweep, meter)).Append("</div>\n");
        double[] xs = [.. sweep.Series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().Order()];
        sb.Append("<table><tr><th>").Append(H(sweep.Parameter)).Append("</th>");
        foreach (ParameterSeries series in sweep.Series)
        {
            sb.Append("<th>").Append(H(series.Label)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (double x in xs)
        {
            sb.Append("<tr><td>").Append(x.ToString("G6", CultureInfo.InvariantCulture)).Append("</td>");
            foreach (ParameterSeries series in sweep.Series)
            {
                ParameterPoint? p = series.Points.FirstOrDefault(pt => pt.X == x);
                sb.Append("<td>").Append(p is null ? "—" : ReportPage.Stat(new Statistic(0, p.Mean, null, p.Low, p.High), "0.##")).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void AppendHorizonSweep(StringBuilder sb, HorizonSweep sweep, string environment, List<string> regrets)
    {
        var pairs = sweep.Pairs.Where(p => p.Environment == environment).ToList();
        if (pairs.Count == 0 || regrets.Count == 0)
        {
            return;
        }

        sb.Append("<h3>Regret against the horizon</h3>\n<p>The whole experiment rerun at T = ")
          .Append(string.Join(", ", sweep.Horizons.Select(h => h.ToString("N0", CultureInfo.InvariantCulture))))
          .Append("; the exponent is the least-squares slope of ln(mean final regret) on ln T over all of them.</p>\n");
        sb.Append("<div class=\"plots\">");
        foreach (string meter in regrets)
        {
            sb.Append(Charts.SweepLogLog(sweep, environment, meter));
        }

        sb.Append("</div>\n<table><tr><th>learner</th><th>regret</th>");
        foreach (long h in sweep.Horizons)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>T = {h:N0}</th>");
        }

        sb.Append("<th>exponent in T</th></tr>\n");
        foreach (SweepPair pair in pairs)
        {
            foreach (SweepMeter m in pair.Meters)
            {
                sb.Append("<tr><td>").Append(H(pair.Learner)).Append("</td><td>").Append(H(m.Name)).Append("</td>");
                foreach (Statistic? f in m.Finals)
                {
                    sb.Append("<td>").Append(ReportPage.Stat(f, "0.##")).Append("</td>");
                }

                sb.Append("<td>").Append(m.Rate.Exponent is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "—").Append("</td></tr>\n");
            }
        }

        sb.Append("</table>\n");
    }

    private static Statistic? Final(PairResult p, string name) => p.Meters.FirstOrDefault(m => m.Name == name)?.Final;

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
