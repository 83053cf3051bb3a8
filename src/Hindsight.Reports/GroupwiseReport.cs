using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Hindsight.Groupwise;
using ScottPlot;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a groupwise-regret study: <c>results.json</c> (every group's rows and average losses for the
/// groupwise learner, plain online regression and the group's own oracle) and <c>report.html</c> (the same as a table
/// and a bar chart).
/// </summary>
public static class GroupwiseReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="study">The study.</param>
    /// <param name="result">Its evaluation.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(GroupwiseStudy study, GroupwiseEvaluation result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(study, result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(study, result)))]);

    /// <summary>Serializes the study's results.</summary>
    /// <param name="study">The study.</param>
    /// <param name="result">Its evaluation.</param>
    /// <returns>UTF-8 JSON, indented, ending with a newline.</returns>
    public static byte[] ToJson(GroupwiseStudy study, GroupwiseEvaluation result)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(result);
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, study.Name, "groupwise");
            w.WritePropertyName("spec");
            w.WriteStartObject();
            w.WriteString("name", study.Name);
            if (study.Description is not null)
            {
                w.WriteString("description", study.Description);
            }

            w.WriteString("data", study.DataPath);
            w.WriteString("target", study.Target);
            if (study.PositiveClass is not null)
            {
                w.WriteString("positive", study.PositiveClass);
            }

            w.WritePropertyName("groups");
            w.WriteStartArray();
            foreach (GroupColumn c in study.GroupColumns)
            {
                w.WriteStartObject();
                w.WriteString("column", c.Column);
                w.WritePropertyName("cuts");
                w.WriteStartArray();
                foreach (double cut in c.Cuts)
                {
                    w.WriteNumberValue(cut);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("lambda", study.Lambda);
            w.WriteEndObject();
            w.WriteNumber("rows", study.Data.Targets.Length);
            w.WritePropertyName("overall");
            w.WriteStartObject();
            w.WriteNumber("groupwise", result.GroupwiseLoss);
            w.WriteNumber("plain", result.PlainLoss);
            w.WriteEndObject();
            w.WritePropertyName("groups");
            w.WriteStartArray();
            foreach (GroupLosses g in result.Groups)
            {
                w.WriteStartObject();
                w.WriteString("group", g.Name);
                w.WriteNumber("rows", g.Rows);
                ResultsJson.WriteNullable(w, "groupwise", g.GroupwiseAverage);
                ResultsJson.WriteNullable(w, "plain", g.PlainAverage);
                ResultsJson.WriteNullable(w, "own", g.Rows > 0 ? g.Own / g.Rows : double.NaN);
                w.WriteBoolean("groupwiseNotWorse", g.Rows > 0 && g.Groupwise <= g.Plain);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("notes");
            w.WriteStartArray();
            foreach (GroupLosses g in result.Groups.Where(g => g.Rows == 0))
            {
                w.WriteStringValue($"group '{g.Name}' has no rows: its averages are null.");
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report: the table of average losses per group and the grouped bar chart.</summary>
    /// <param name="study">The study.</param>
    /// <param name="result">Its evaluation.</param>
    /// <returns>The HTML text (self-contained, inline SVG).</returns>
    public static string ToHtml(GroupwiseStudy study, GroupwiseEvaluation result)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        ReportPage.Head(sb, study.Name, "groupwise", study.Description);
        sb.Append(CultureInfo.InvariantCulture, $"<p>Groupwise regret (Acharya, Balan, Kearns, Roth, ICLR 2024): one online pass (predict, then learn) over <code>{H(study.DataPath)}</code>, {study.Data.Targets.Length:N0} rows, target <code>{H(study.Target)}</code> scaled to [0, 1]. ");
        sb.Append("<b>groupwise</b>: sleeping experts over one online ridge regression per group plus one on every row; <b>plain</b>: that last one alone; <b>own</b>: the group's own oracle. ");
        sb.Append(CultureInfo.InvariantCulture, $"Average square loss per group; λ = {study.Lambda}. Hindsight {H(ResultsJson.Version)}.</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Overall: groupwise {result.GroupwiseLoss:0.00000}, plain {result.PlainLoss:0.00000}. ");
        int worse = result.Groups.Count(g => g.Rows > 0 && g.Groupwise > g.Plain);
        sb.Append(worse == 0 ? "The groupwise learner is not worse than plain regression in any group." : $"The groupwise learner is worse than plain regression in {worse} group(s), shaded below.").Append("</p>\n");
        sb.Append(BarChart(result));
        sb.Append("<table><tr><th>group</th><th>rows</th><th>groupwise</th><th>plain</th><th>own oracle</th><th>groupwise − plain</th></tr>\n");
        foreach (GroupLosses g in result.Groups)
        {
            bool bad = g.Rows > 0 && g.Groupwise > g.Plain;
            sb.Append(bad ? "<tr class=\"worse\">" : "<tr>").Append("<td>").Append(H(g.Name)).Append("</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{g.Rows:N0}</td><td>{F(g.GroupwiseAverage)}</td><td>{F(g.PlainAverage)}</td><td>{F(g.Rows > 0 ? g.Own / g.Rows : double.NaN)}</td><td>{F(g.GroupwiseAverage - g.PlainAverage)}</td></tr>\n");
        }

        sb.Append("</table>\n<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

    private static string BarChart(GroupwiseEvaluation result)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        Color groupwise = plot.Add.Palette.GetColor(0), plain = plot.Add.Palette.GetColor(1);
        for (int i = 0; i < result.Groups.Count; i++)
        {
            GroupLosses g = result.Groups[i];
            if (g.Rows == 0)
            {
                continue;
            }

            double x = i * 3;
            bars.Add(new Bar { Position = x, Value = g.GroupwiseAverage, FillColor = groupwise });
            bars.Add(new Bar { Position = x + 1, Value = g.PlainAverage, FillColor = plain });
            ticks.Add(new Tick(x + 0.5, g.Name));
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 140;
        plot.Axes.Margins(bottom: 0, top: 0.3); // room for the legend above the bars
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "groupwise", FillColor = groupwise });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "plain online regression", FillColor = plain });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("average square loss per group");
        plot.YLabel("average loss");
        string xml = plot.GetSvgXml(Math.Max(540, 60 * result.Groups.Count), 460);
        int start = xml.IndexOf("<svg", StringComparison.Ordinal);
        return start >= 0 ? xml[start..] : xml;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.00000", CultureInfo.InvariantCulture) : "—";

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
