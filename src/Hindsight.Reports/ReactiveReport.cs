using System.Globalization;
using System.Text;
using System.Text.Json;
using Hindsight.Reactive;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// The outputs of a reactive-bandit study: <c>results.json</c> (per learner and regret name, the mean, sd and 95% CI at
/// each horizon and the fitted growth exponent) and <c>report.html</c>.
/// </summary>
public static class ReactiveReport
{
    private static readonly Dictionary<string, string> Formulas = new()
    {
        ["policy"] = "<b>policy regret</b> = max<sub>a</sub> Σ<sub>t</sub> r<sub>t</sub>(a, …, a) − Σ<sub>t</sub> r<sub>t</sub>(a<sub>1</sub> … a<sub>t</sub>), the best fixed arm replayed from the start on the same random numbers (Arora, Dekel and Tewari 2012; complete policy regret for weighted tallying bandits under repeated-exposure optimality)",
        ["external"] = "<b>external regret</b> = max<sub>a</sub> Σ<sub>t</sub> r<sub>t</sub>(a<sub>1</sub> … a<sub>t−1</sub>, a) − Σ<sub>t</sub> r<sub>t</sub>(a<sub>1</sub> … a<sub>t</sub>), arms scored on the learner's own history",
        ["planner"] = "<b>planner regret</b> = reward of the full-information planner or offline benchmark − the learner's, on the same random numbers",
        ["pseudo"] = "<b>pseudo-regret</b> = Σ<sub>t</sub> (μ* − μ(a<sub>t</sub>))",
    };

    /// <summary>Renders and writes both files (nothing is written if rendering fails).</summary>
    /// <param name="result">The study's result.</param>
    /// <param name="directory">The output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(ReactiveStudyResult result, string directory)
        => ReportWriter.WriteFiles(directory, [("results.json", ToJson(result)), ("report.html", Encoding.UTF8.GetBytes(ToHtml(result)))]);

    /// <summary>Serializes the result.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(ReactiveStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReactiveStudy s = result.Study;
        return ResultsJson.Render(w =>
        {
            ResultsJson.WriteHeader(w, s.Name, "reactive");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("runs", s.Runs);
            ResultsJson.WriteIntegers(w, "horizons", s.Horizons);
            w.WritePropertyName("environment");
            ResultsJson.WriteEntry(w, s.EnvironmentKind, s.EnvironmentKind, s.EnvironmentParameters);
            ResultsJson.WriteEntries(w, "learners", s.Learners.Select(x => (x.Name, x.Kind, x.Parameters)));
            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (ReactiveLearnerResult l in result.Learners)
            {
                w.WriteStartObject();
                w.WriteString("learner", l.Learner);
                w.WritePropertyName("regrets");
                w.WriteStartObject();
                foreach (var (name, stats) in l.Regrets)
                {
                    w.WritePropertyName(name);
                    w.WriteStartObject();
                    ResultsJson.WriteSeries(w, "mean", stats.Select(x => (double?)x.Mean));
                    ResultsJson.WriteSeries(w, "sd", stats.Select(x => x.StandardDeviation));
                    w.WritePropertyName("ci95");
                    w.WriteStartArray();
                    foreach (Statistic x in stats)
                    {
                        Interval(w, x);
                    }

                    w.WriteEndArray();
                    ResultsJson.WriteNullable(w, "exponent", l.Exponents[name]);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The study's result.</param>
    /// <returns>Self-contained HTML.</returns>
    public static string ToHtml(ReactiveStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReactiveStudy s = result.Study;
        var sb = new StringBuilder();
        ReportPage.Head(sb, s.Name, "reactive-bandit", s.Description);
        sb.Append(CultureInfo.InvariantCulture, $"<p>Environment {ReportPage.H(s.EnvironmentKind)}; horizons {string.Join(", ", s.Horizons.Select(h => h.ToString("N0", CultureInfo.InvariantCulture)))} (a separate run for each, on the same random numbers); {s.Runs} runs, seed {s.Seed}. Hindsight {ReportPage.H(ResultsJson.Version)}. Student-t 95% CIs over runs; the exponent is the slope of ln(mean regret) against ln T.</p>\n");
        foreach (string name in ReactiveOutcome.Names)
        {
            var rows = result.Learners.Where(l => l.Regrets.ContainsKey(name)).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Append("<h2>").Append(ReportPage.H(name)).Append(" regret</h2>\n<p>").Append(Formulas[name]).Append(".</p>\n<div class=\"plots\">");
            sb.Append(Charts.Convergence($"{name} regret", "T", "regret", s.Horizons, [.. rows.Select((l, i) => (l.Learner, (IReadOnlyList<double>)[.. l.Regrets[name].Select(x => x.Mean)], false, i))]));
            sb.Append("</div>\n<table><tr><th>learner</th>");
            foreach (long h in s.Horizons)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<th>T = {h:N0}</th>");
            }

            sb.Append("<th>exponent</th></tr>\n");
            foreach (ReactiveLearnerResult l in rows)
            {
                sb.Append("<tr><td>").Append(ReportPage.H(l.Learner)).Append("</td>");
                foreach (Statistic x in l.Regrets[name])
                {
                    sb.Append("<td>").Append(ReportPage.Stat(x, "0.#")).Append("</td>");
                }

                sb.Append("<td>").Append(l.Exponents[name] is { } e ? e.ToString("0.00", CultureInfo.InvariantCulture) : "—").Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<p>All figures: <code>results.json</code>.</p>\n</body></html>\n");
        return sb.ToString();
    }

    private static void Interval(Utf8JsonWriter w, Statistic x)
    {
        if (x.Low is { } lo && x.High is { } hi && double.IsFinite(lo) && double.IsFinite(hi))
        {
            w.WriteStartArray();
            w.WriteNumberValue(lo);
            w.WriteNumberValue(hi);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
