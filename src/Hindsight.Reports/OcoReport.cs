using System.Globalization;
using System.Text;
using System.Text.Json;
using Hindsight.Oco;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of an OCO study: <c>results.json</c> (per stream and learner, external, dynamic and adaptive regret:
/// final statistic, curve and fitted exponent) and <c>report.html</c> (regret curves with 95% CI bands and a table).
/// </summary>
public static class OcoReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(OcoResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON, indented, ending with a newline.</returns>
    public static byte[] ToJson(OcoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        OcoStudy s = result.Study;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, s.Name, "oco");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("runs", s.Runs);
            w.WriteNumber("horizon", s.Horizon);
            w.WritePropertyName("domain");
            ResultsJson.WriteEntry(w, s.DomainKind, s.DomainKind, s.DomainParameters);
            ResultsJson.WriteEntries(w, "streams", s.Streams.Select(x => (x.Name, x.Kind, x.Parameters)));
            ResultsJson.WriteEntries(w, "learners", s.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            ResultsJson.WriteIntegers(w, "checkpoints", result.Checkpoints);
            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (OcoPairResult p in result.Pairs)
            {
                w.WriteStartObject();
                w.WriteString("stream", p.Stream);
                w.WriteString("learner", p.Learner);
                ResultsJson.WriteRegrets(w, p.Meters);
                w.WriteNumber("roundsPerSecond", double.IsFinite(p.RoundsPerSecond) ? p.RoundsPerSecond : 0);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("notes");
            JsonSerializer.Serialize(w, result.Notes);
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>The HTML text (self-contained, inline SVG).</returns>
    public static string ToHtml(OcoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        OcoStudy s = result.Study;
        var sb = new StringBuilder();
        ReportPage.Head(sb, s.Name, "OCO", s.Description);
        string domain = string.Join(", ", s.DomainParameters.Select(kv => $"{kv.Key} {Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));
        sb.Append(CultureInfo.InvariantCulture, $"<p>Online convex optimization on a <b>{ReportPage.H(s.DomainKind)}</b> ({ReportPage.H(domain)}), T = {s.Horizon:N0}, {s.Runs} runs per pair, seed {s.Seed}. Hindsight {ReportPage.H(ResultsJson.Version)}. ");
        sb.Append("Regrets: <b>external</b> = Σ f<sub>t</sub>(x<sub>t</sub>) − min<sub>x∈K</sub> Σ f<sub>t</sub>(x); <b>dynamic</b> = Σ f<sub>t</sub>(x<sub>t</sub>) − Σ min<sub>x∈K</sub> f<sub>t</sub>(x); ");
        sb.Append("<b>adaptive</b> = the worst external regret over the geometric covering intervals [i·2<sup>k</sup>+1, (i+1)·2<sup>k</sup>]. Intervals are Student-t 95% CIs of the mean over runs.</p>\n");
        foreach (string note in result.Notes)
        {
            sb.Append("<p><i>Note:</i> ").Append(ReportPage.H(note)).Append("</p>\n");
        }

        foreach (OcoStreamSetup stream in s.Streams)
        {
            var pairs = result.Pairs.Where(p => p.Stream == stream.Name).ToList();
            string parameters = string.Join(", ", stream.Parameters.Select(kv => $"{kv.Key} {Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));
            sb.Append("<h2>").Append(ReportPage.H(stream.Name)).Append("</h2>\n<p><code>").Append(ReportPage.H(stream.Kind)).Append("</code>: ").Append(ReportPage.H(parameters)).Append(".</p>\n<div class=\"plots\">");
            foreach (string meter in OcoRunner.MeterNames)
            {
                sb.Append(Charts.RegretCurves(result.Checkpoints, [.. pairs.Select(p => (p.Learner, p.Meters.FirstOrDefault(m => m.Name == meter)))], meter));
            }

            sb.Append("</div>\n<table><tr><th>learner</th>");
            foreach (string meter in OcoRunner.MeterNames)
            {
                sb.Append("<th>").Append(meter).Append(" regret (± CI)</th>");
            }

            sb.Append("<th>external exponent</th><th>rounds/s</th></tr>\n");
            foreach (OcoPairResult p in pairs)
            {
                sb.Append("<tr><td>").Append(ReportPage.H(p.Learner)).Append("</td>");
                foreach (MeterResult m in p.Meters)
                {
                    sb.Append("<td>").Append(ReportPage.Stat(m.Final, "0.###")).Append("</td>");
                }

                double? exponent = p.Meters.First(m => m.Name == "external").Rate?.Exponent;
                sb.Append("<td>").Append(exponent is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "—").Append("</td>")
                  .Append(CultureInfo.InvariantCulture, $"<td>{p.RoundsPerSecond:N0}</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

}
