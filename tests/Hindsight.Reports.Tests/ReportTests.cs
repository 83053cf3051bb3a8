using System.Text.Json;
using Hindsight.Bandits.Environments;
using Hindsight.Reports;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Reports.Tests;

public class ReportTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() =>
    {
        var env = new EnvironmentSetup("bern-3", "bernoulli", [new("means", new[] { 0.2, 0.5, 0.8 })], new BernoulliEnvironment([0.2, 0.5, 0.8]));
        LearnerSetup L(string name) => new(name, name, Registry.Defaults(Registry.FindLearner(name)!.Parameters).Values, k => Registry.CreateLearner(name, k));
        var e = new Experiment("report-test", 5000, 4, 3, [env], [L("ucb1"), L("exp3")], [.. Hindsight.Regret.Meters.Defaults]);
        return Runner.Run(e, new RunnerOptions { Threads = 2 });
    });

    [Fact]
    public void Results_json_has_the_format_1_keys()
    {
        using var doc = JsonDocument.Parse(ResultsJson.ToUtf8(Result.Value));
        JsonElement root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("format").GetInt32());
        Assert.Equal("report-test", root.GetProperty("experiment").GetString());
        Assert.Equal(5000, root.GetProperty("horizon").GetInt64());
        Assert.Equal(4, root.GetProperty("runs").GetInt32());
        Assert.Equal(3, root.GetProperty("seed").GetInt32());
        Assert.False(root.GetProperty("partial").GetBoolean());
        JsonElement checkpoints = root.GetProperty("checkpoints");
        Assert.Equal(5000, checkpoints[checkpoints.GetArrayLength() - 1].GetInt64());
        Assert.Equal("ucb1", root.GetProperty("spec").GetProperty("learners")[0].GetProperty("kind").GetString());

        JsonElement first = root.GetProperty("results")[0];
        Assert.Equal("bern-3", first.GetProperty("environment").GetString());
        Assert.Equal("ucb1", first.GetProperty("learner").GetString());
        Assert.Equal(2.0, first.GetProperty("parameters").GetProperty("alpha").GetDouble());
        foreach (string regret in new[] { "pseudo", "external", "dynamic" })
        {
            JsonElement r = first.GetProperty("regret").GetProperty(regret);
            JsonElement final = r.GetProperty("final");
            Assert.True(final.GetProperty("mean").GetDouble() > 0);
            Assert.Equal(2, final.GetProperty("ci95").GetArrayLength());
            Assert.Equal(checkpoints.GetArrayLength(), r.GetProperty("curve").GetProperty("mean").GetArrayLength());
            Assert.Equal(checkpoints.GetArrayLength(), r.GetProperty("curve").GetProperty("lo").GetArrayLength());
            Assert.True(r.GetProperty("rate").TryGetProperty("exponent", out _));
            Assert.Equal(50, r.GetProperty("rate").GetProperty("from").GetInt64());
        }

        Assert.True(first.GetProperty("reward").GetProperty("final").GetProperty("mean").GetDouble() > 0);
        Assert.True(first.GetProperty("switches").GetProperty("final").TryGetProperty("sd", out _));
        Assert.True(first.GetProperty("seconds").GetDouble() >= 0);
        Assert.True(first.GetProperty("roundsPerSecond").GetDouble() > 0);
    }

    [Fact]
    public void Results_json_never_contains_nan_or_infinity()
    {
        string text = ResultsJson.ToText(Result.Value);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Curves_csv_has_one_row_per_pair_meter_and_checkpoint()
    {
        string[] lines = CurvesCsv.ToText(Result.Value).TrimEnd('\n').Split('\n');
        Assert.Equal(CurvesCsv.Header, lines[0]);
        int expected = Result.Value.Pairs.Sum(p => p.Meters.Count) * Result.Value.Checkpoints.Count;
        Assert.Equal(expected + 1, lines.Length);
        Assert.StartsWith("bern-3,ucb1,pseudo,1,", lines[1], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Equal(9, l.Split(',').Length));
    }

    [Fact]
    public void Report_html_is_self_contained_with_plots_and_a_table()
    {
        string html = HtmlReport.ToText(Result.Value);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.True(html.Split("<svg").Length - 1 >= 6, "two plots per regret (pseudo, external, dynamic)");
        Assert.Contains("reference √t", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_puts_three_complete_files_in_place_and_no_temporaries()
    {
        string dir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "nested", "out");
        var paths = ReportWriter.Write(Result.Value, dir);
        Assert.Equal(["results.json", "curves.csv", "report.html"], paths.Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(paths[0]));
        Assert.Equal(1, doc.RootElement.GetProperty("format").GetInt32());
    }
}
