using System.Globalization;
using System.Text;
using System.Text.Json;
using Hindsight.Games;
using Hindsight.Games.Markov;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a Markov-game study: <c>results.json</c> (per game and learner, the Nash gap of the last iterate and of
/// the average policy and the CCE gap of the mixture at each checkpoint; zero-sum games' exact values) and
/// <c>report.html</c>.
/// </summary>
public static class MarkovReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(MarkovStudyResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(MarkovStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MarkovStudy s = result.Study;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, s.Name, "markov");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("iterations", s.Iterations);
            w.WritePropertyName("games");
            w.WriteStartArray();
            for (int g = 0; g < s.Games.Count; g++)
            {
                MarkovGameSetup game = s.Games[g];
                w.WriteStartObject();
                w.WriteString("name", game.Name);
                w.WriteString("kind", game.Kind);
                w.WriteNumber("states", game.Game.States);
                w.WriteBoolean("zeroSum", game.Game.IsZeroSum);
                if (result.Values[g] is { } values)
                {
                    w.WritePropertyName("value");
                    JsonSerializer.Serialize(w, values);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            ResultsJson.WriteEntries(w, "learners", s.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            ResultsJson.WriteIntegers(w, "checkpoints", result.Checkpoints);
            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (MarkovPair pair in result.Pairs)
            {
                IReadOnlyList<MarkovCheckpoint> c = pair.Curve;
                w.WriteStartObject();
                w.WriteString("game", pair.Game);
                w.WriteString("learner", pair.Learner);
                ResultsJson.WriteSeries(w, "lastNashGap", c.Select(x => (double?)x.LastNashGap));
                ResultsJson.WriteSeries(w, "averageNashGap", c.Select(x => (double?)x.AverageNashGap));
                ResultsJson.WriteSeries(w, "cceGap", c.Select(x => (double?)x.CceGap));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>Self-contained HTML.</returns>
    public static string ToHtml(MarkovStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MarkovStudy s = result.Study;
        var sb = new StringBuilder();
        ReportPage.Head(sb, s.Name, "Markov-game", s.Description);
        sb.Append(CultureInfo.InvariantCulture, $"<p>Independent learning, {s.Iterations:N0} iterations: each player runs one learner per state on its exact Q-values. Hindsight {ReportPage.H(ResultsJson.Version)}. ");
        sb.Append("<b>Nash gap</b> at the start distribution of the last iterate (solid) and the per-state average policy (dashed); <b>CCE gap</b> of the mixture of iterates against deterministic stationary deviations.</p>\n");
        for (int g = 0; g < s.Games.Count; g++)
        {
            MarkovGameSetup game = s.Games[g];
            sb.Append("<h2>").Append(ReportPage.H(game.Name)).Append("</h2>\n<p>").Append(CultureInfo.InvariantCulture, $"{game.Game.States} states, γ = {game.Game.Discount}{(game.Game.IsZeroSum ? ", zero-sum" : ", general-sum")}");
            if (result.Values[g] is { } values)
            {
                sb.Append("; value by Shapley's value iteration: ").Append(ReportPage.H(string.Join(", ", values.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)))));
            }

            sb.Append(".</p>\n<div class=\"plots\">");
            var nash = new List<(string, IReadOnlyList<double>, bool, int)>();
            var cce = new List<(string, IReadOnlyList<double>, bool, int)>();
            List<MarkovPair> pairs = [.. result.Pairs.Where(p => p.Game == game.Name)];
            for (int l = 0; l < pairs.Count; l++)
            {
                IReadOnlyList<MarkovCheckpoint> c = pairs[l].Curve;
                nash.Add(($"{pairs[l].Learner} last", [.. c.Select(x => x.LastNashGap)], false, l));
                nash.Add(($"{pairs[l].Learner} average", [.. c.Select(x => x.AverageNashGap)], true, l));
                cce.Add((pairs[l].Learner, [.. c.Select(x => x.CceGap)], false, l));
            }

            sb.Append(Charts.Convergence("Nash gap vs iteration", "iteration", "Nash gap", result.Checkpoints, nash));
            sb.Append(Charts.Convergence("CCE gap of the mixture vs iteration", "iteration", "CCE gap", result.Checkpoints, cce));
            sb.Append("</div>\n<table><tr><th>learner</th><th>Nash gap, last</th><th>Nash gap, average</th><th>CCE gap</th></tr>\n");
            foreach (MarkovPair pair in pairs)
            {
                MarkovCheckpoint f = pair.Curve[^1];
                sb.Append("<tr><td>").Append(ReportPage.H(pair.Learner)).Append("</td><td>").Append(ReportPage.G(f.LastNashGap)).Append("</td><td>").Append(ReportPage.G(f.AverageNashGap))
                  .Append("</td><td>").Append(ReportPage.G(f.CceGap)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

}
