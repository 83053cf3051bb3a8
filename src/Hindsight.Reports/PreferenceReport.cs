using System.Globalization;
using System.Text;
using System.Text.Json;
using Hindsight.Preferences;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a preference-learning study: <c>results.json</c> (per learner, every checkpoint's duality gap, KL to
/// the target and win rate against the minimax winner, for the last iterate and the average) and <c>report.html</c>.
/// </summary>
public static class PreferenceReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(PreferenceExperimentResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(PreferenceExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        PreferenceExperiment e = result.Experiment;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, e.Name, "preference");
            w.WriteNumber("iterations", e.Iterations);
            w.WriteNumber("beta", e.Beta);
            w.WriteNumber("seed", e.Seed);
            w.WritePropertyName("game");
            ResultsJson.WriteEntry(w, e.GameKind, e.GameKind, e.GameParameters);
            ResultsJson.WriteEntries(w, "learners", e.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            ResultsJson.WriteIntegers(w, "checkpoints", result.Checkpoints);
            w.WritePropertyName("results");
            w.WriteStartArray();
            for (int k = 0; k < e.Learners.Count; k++)
            {
                IReadOnlyList<PreferenceCheckpoint> c = result.Curves[k];
                w.WriteStartObject();
                w.WriteString("learner", e.Learners[k].Name);
                ResultsJson.WriteSeries(w, "dualityGap", c.Select(x => (double?)x.DualityGap));
                ResultsJson.WriteSeries(w, "averageDualityGap", c.Select(x => (double?)x.AverageDualityGap));
                ResultsJson.WriteSeries(w, "klToNash", c.Select(x => (double?)x.KlToNash));
                ResultsJson.WriteSeries(w, "averageKlToNash", c.Select(x => (double?)x.AverageKlToNash));
                ResultsJson.WriteSeries(w, "winRateAgainstMinimaxWinner", c.Select(x => (double?)x.WinRateAgainstMinimaxWinner));
                ResultsJson.WriteSeries(w, "averageWinRateAgainstMinimaxWinner", c.Select(x => (double?)x.AverageWinRateAgainstMinimaxWinner));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>Self-contained HTML.</returns>
    public static string ToHtml(PreferenceExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        PreferenceExperiment e = result.Experiment;
        var sb = new StringBuilder();
        ReportPage.Head(sb, e.Name, "preference-learning", e.Description);
        string game = string.Join(", ", e.GameParameters.Select(kv => $"{kv.Key} {Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));
        sb.Append(CultureInfo.InvariantCulture, $"<p>Preference game <code>{ReportPage.H(e.GameKind)}</code> ({ReportPage.H(game)}), β = {e.Beta}, {e.Iterations:N0} iterations per learner (exact population updates unless a learner samples duels or pairs). Hindsight {ReportPage.H(ResultsJson.Version)}. ");
        sb.Append("<b>Duality gap</b> of the β-regularized game, DG(π) = max<sub>p</sub> f(p, π) − min<sub>q</sub> f(π, q) with f(p, q) = P(p ≻ q) − β KL(p‖μ) + β KL(q‖μ), zero exactly at the β-regularized Nash policy (the minimax winner when β = 0); ");
        sb.Append("last iterate solid, average of the iterates dashed.</p>\n");
        var gaps = new List<(string, IReadOnlyList<double>, bool, int)>();
        for (int k = 0; k < e.Learners.Count; k++)
        {
            gaps.Add(($"{e.Learners[k].Name} last", [.. result.Curves[k].Select(x => x.DualityGap)], false, k));
            gaps.Add(($"{e.Learners[k].Name} average", [.. result.Curves[k].Select(x => x.AverageDualityGap)], true, k));
        }

        sb.Append("<div class=\"plots\">").Append(Charts.Convergence("duality gap vs iteration", "iteration", "duality gap", result.Checkpoints, gaps)).Append("</div>\n");
        sb.Append("<table><tr><th>learner</th><th>duality gap, last</th><th>duality gap, average</th><th>KL(π* ‖ π), last</th><th>win rate vs minimax winner, last</th></tr>\n");
        for (int k = 0; k < e.Learners.Count; k++)
        {
            PreferenceCheckpoint f = result.Curves[k][^1];
            sb.Append("<tr><td>").Append(ReportPage.H(e.Learners[k].Name)).Append("</td><td>").Append(ReportPage.G(f.DualityGap)).Append("</td><td>").Append(ReportPage.G(f.AverageDualityGap))
              .Append("</td><td>").Append(ReportPage.G(f.KlToNash)).Append("</td><td>").Append(ReportPage.G(f.WinRateAgainstMinimaxWinner)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

}
