using System.Globalization;
using System.Text;
using System.Text.Json;
using Hindsight.Games;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a repeated-play study: <c>results.json</c> (per game and learner, every checkpoint's external and swap
/// regret per player, CCE gap and Nash gaps of the average and the last iterate; each game's exact equilibria) and
/// <c>report.html</c> (convergence plots and tables).
/// </summary>
public static class GameReport
{
    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(RepeatedGameResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(RepeatedGameResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RepeatedGameStudy s = result.Study;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, s.Name, "game");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("horizon", s.Horizon);
            w.WriteString("feedback", s.Sampled ? "sampled" : "expected");
            w.WriteString("updates", s.Alternating ? "alternating" : "simultaneous");
            w.WritePropertyName("games");
            w.WriteStartArray();
            for (int g = 0; g < s.Games.Count; g++)
            {
                GameSetup setup = s.Games[g];
                GameSolution solution = result.Solutions[g];
                w.WriteStartObject();
                w.WriteString("name", setup.Name);
                w.WriteString("kind", setup.Kind);
                w.WriteNumber("players", setup.Game.Players.Count);
                w.WriteBoolean("zeroSum", setup.Game.IsZeroSum);
                w.WriteString("method", solution.Method);
                if (solution.Value is { } value)
                {
                    w.WritePropertyName("value");
                    JsonSerializer.Serialize(w, value);
                }

                if (solution.CorrelatedPayoffs is { } correlated)
                {
                    w.WritePropertyName("correlatedEquilibriumPayoffs");
                    JsonSerializer.Serialize(w, correlated);
                }

                w.WritePropertyName("equilibria");
                JsonSerializer.Serialize(w, solution.Equilibria.Select(e => new { strategies = e.Strategies, payoffs = e.Payoffs }));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            ResultsJson.WriteEntries(w, "learners", s.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            ResultsJson.WriteIntegers(w, "checkpoints", result.Checkpoints);
            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (RepeatedGamePair p in result.Pairs)
            {
                IReadOnlyList<SelfPlayCheckpoint> c = p.Play.Checkpoints;
                w.WriteStartObject();
                w.WriteString("game", p.Game);
                w.WriteString("learner", p.Learner);
                ResultsJson.WriteSeries(w, "averageNashGap", c.Select(x => (double?)x.AverageNashGap));
                ResultsJson.WriteSeries(w, "lastNashGap", c.Select(x => (double?)x.LastNashGap));
                ResultsJson.WriteSeries(w, "cceGap", c.Select(x => (double?)x.CceGap));
                w.WritePropertyName("externalRegret");
                JsonSerializer.Serialize(w, c.Select(x => x.ExternalRegret));
                w.WritePropertyName("swapRegret");
                JsonSerializer.Serialize(w, c.Select(x => x.SwapRegret));
                w.WritePropertyName("average");
                JsonSerializer.Serialize(w, c[^1].Average);
                w.WritePropertyName("last");
                JsonSerializer.Serialize(w, c[^1].Last);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>Self-contained HTML.</returns>
    public static string ToHtml(RepeatedGameResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RepeatedGameStudy s = result.Study;
        var sb = new StringBuilder();
        ReportPage.Head(sb, s.Name, "repeated games", s.Description);
        sb.Append(CultureInfo.InvariantCulture, $"<p>Self-play for T = {s.Horizon:N0} rounds, {(s.Sampled ? "sampled" : "expected")} feedback, {(s.Alternating ? "alternating" : "simultaneous")} updates, seed {s.Seed}. Hindsight {ReportPage.H(ResultsJson.Version)}. ");
        sb.Append("<b>Nash gap</b> (NashConv) = Σ<sub>i</sub> max<sub>s</sub> u<sub>i</sub>(s, σ<sub>−i</sub>) − u<sub>i</sub>(σ), of the last iterate (solid) and of the time-average strategies (dashed); ");
        sb.Append("<b>CCE gap</b> = max<sub>i</sub> external regret<sub>i</sub>/t of the empirical joint play; <b>swap regret</b> (Blum–Mansour) bounds the correlated-equilibrium gap.</p>\n");
        for (int g = 0; g < s.Games.Count; g++)
        {
            GameSetup game = s.Games[g];
            GameSolution solution = result.Solutions[g];
            var pairs = result.Pairs.Where(p => p.Game == game.Name).ToList();
            string shape = string.Join("×", Enumerable.Range(0, game.Game.Players.Count).Select(game.Game.StrategyCount));
            sb.Append("<h2>").Append(ReportPage.H(game.Name)).Append("</h2>\n<p>").Append(ReportPage.H(game.Game.Title)).Append(CultureInfo.InvariantCulture, $", {shape}{(game.Game.IsZeroSum ? ", zero-sum" : string.Empty)}. Exact reference ({ReportPage.H(solution.Method)}): ");
            if (solution.Value is { } value)
            {
                sb.Append("value ").Append(ReportPage.H(string.Join(", ", value.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture))))).Append("; ");
            }

            if (solution.CorrelatedPayoffs is { } correlated)
            {
                sb.Append("payoffs at the welfare-maximizing correlated equilibrium ").Append(ReportPage.H(string.Join(", ", correlated.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture))))).Append(" (Nash equilibria are not computed for n players)");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"{solution.Equilibria.Count} Nash equilibri{(solution.Equilibria.Count == 1 ? "um" : "a")}");
            }

            foreach (Equilibrium e in solution.Equilibria.Take(4))
            {
                sb.Append(" · (").Append(ReportPage.H(string.Join(" | ", e.Strategies.Select(x => string.Join(" ", x.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))))))).Append(')');
            }

            sb.Append(".</p>\n<div class=\"plots\">");
            var nash = new List<(string, IReadOnlyList<double>, bool, int)>();
            var cce = new List<(string, IReadOnlyList<double>, bool, int)>();
            for (int k = 0; k < pairs.Count; k++)
            {
                IReadOnlyList<SelfPlayCheckpoint> c = pairs[k].Play.Checkpoints;
                nash.Add(($"{pairs[k].Learner} last", [.. c.Select(x => x.LastNashGap)], false, k));
                nash.Add(($"{pairs[k].Learner} average", [.. c.Select(x => x.AverageNashGap)], true, k));
                cce.Add((pairs[k].Learner, [.. c.Select(x => x.CceGap)], false, k));
            }

            sb.Append(Charts.Convergence("Nash gap vs t (solid: last iterate, dashed: average)", "t", "Nash gap", result.Checkpoints, nash));
            sb.Append(Charts.Convergence("CCE gap of the empirical play vs t", "t", "CCE gap", result.Checkpoints, cce));
            sb.Append("</div>\n<table><tr><th>learner</th><th>Nash gap, average</th><th>Nash gap, last</th><th>CCE gap</th><th>external regret per player</th><th>swap regret per player</th></tr>\n");
            foreach (RepeatedGamePair p in pairs)
            {
                SelfPlayCheckpoint f = p.Play.Checkpoints[^1];
                sb.Append("<tr><td>").Append(ReportPage.H(p.Learner)).Append("</td><td>").Append(ReportPage.G(f.AverageNashGap)).Append("</td><td>").Append(ReportPage.G(f.LastNashGap))
                  .Append("</td><td>").Append(ReportPage.G(f.CceGap)).Append("</td><td>").Append(string.Join(", ", f.ExternalRegret.Select(ReportPage.G)))
                  .Append("</td><td>").Append(string.Join(", ", f.SwapRegret.Select(ReportPage.G))).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

}
