using System.Globalization;
using System.Text;
using Hindsight.Dueling;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a dueling-bandit study: <c>results.json</c> (per environment and learner, Condorcet and Copeland regret
/// curves with CIs and fitted exponents, and how often both arms were a Copeland winner) and <c>report.html</c>.
/// </summary>
public static class DuelingReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(DuelingStudyResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(DuelingStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        DuelingStudy s = result.Study;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, s.Name, "dueling");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("runs", s.Runs);
            w.WriteNumber("horizon", s.Horizon);
            w.WritePropertyName("environments");
            w.WriteStartArray();
            foreach (DuelingEnvironmentSetup e in s.Environments)
            {
                ResultsJson.WriteEntry(w, e.Name, e.Kind, e.Parameters, e.Environment.Arms);
            }

            w.WriteEndArray();
            ResultsJson.WriteEntries(w, "learners", s.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            ResultsJson.WriteIntegers(w, "checkpoints", result.Checkpoints);
            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (DuelingPairResult p in result.Pairs)
            {
                w.WriteStartObject();
                w.WriteString("environment", p.Environment);
                w.WriteString("learner", p.Learner);
                ResultsJson.WriteRegrets(w, p.Meters);
                w.WriteNumber("winnerFraction", p.WinnerFraction);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>Self-contained HTML.</returns>
    public static string ToHtml(DuelingStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        DuelingStudy s = result.Study;
        var sb = new StringBuilder();
        ReportPage.Head(sb, s.Name, "dueling-bandit", s.Description);
        sb.Append(CultureInfo.InvariantCulture, $"<p>Dueling bandits, T = {s.Horizon:N0}, {s.Runs} runs per pair, seed {s.Seed}. Hindsight {ReportPage.H(ResultsJson.Version)}. ");
        sb.Append("<b>Condorcet regret</b> = Σ<sub>t</sub> (ε(a*, a<sub>t</sub>) + ε(a*, b<sub>t</sub>))/2 with ε(i, j) = P(i ≻ j) − ½ and a* the Condorcet winner (Yue et al. 2012); ");
        sb.Append("<b>Copeland regret</b> = Σ<sub>t</sub> ζ* − (ζ(a<sub>t</sub>) + ζ(b<sub>t</sub>))/2 with ζ the fraction of arms an arm beats (Zoghi et al. 2015). Student-t 95% CIs over runs.</p>\n");
        foreach (DuelingEnvironmentSetup env in s.Environments)
        {
            var pairs = result.Pairs.Where(p => p.Environment == env.Name).ToList();
            string winner = env.Environment.CondorcetWinner is int w ? $"Condorcet winner: arm {w}" : "no Condorcet winner";
            sb.Append("<h2>").Append(ReportPage.H(env.Name)).Append("</h2>\n<p>").Append(CultureInfo.InvariantCulture, $"{env.Environment.Arms} arms, {ReportPage.H(winner)}; Copeland scores {ReportPage.H(string.Join(" ", env.Environment.Copeland.Select(c => c.ToString("0.##", CultureInfo.InvariantCulture))))}.</p>\n<div class=\"plots\">");
            foreach (string meter in DuelingStudy.MeterNames)
            {
                if (pairs.Any(p => p.Meters.Any(m => m.Name == meter)))
                {
                    sb.Append(Charts.RegretCurves(result.Checkpoints, [.. pairs.Select(p => (p.Learner, p.Meters.FirstOrDefault(m => m.Name == meter)))], meter));
                }
            }

            sb.Append("</div>\n<table><tr><th>learner</th><th>Condorcet regret</th><th>Copeland regret</th><th>Copeland exponent</th><th>both arms a Copeland winner</th></tr>\n");
            foreach (DuelingPairResult p in pairs)
            {
                MeterResult? condorcet = p.Meters.FirstOrDefault(m => m.Name == "condorcet");
                MeterResult copeland = p.Meters.First(m => m.Name == "copeland");
                sb.Append("<tr><td>").Append(ReportPage.H(p.Learner)).Append("</td><td>").Append(ReportPage.Stat(condorcet?.Final, "0.#"))
                  .Append("</td><td>").Append(ReportPage.Stat(copeland.Final, "0.#")).Append("</td><td>")
                  .Append(copeland.Rate?.Exponent is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—")
                  .Append(CultureInfo.InvariantCulture, $"</td><td>{p.WinnerFraction:P1}</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

}
