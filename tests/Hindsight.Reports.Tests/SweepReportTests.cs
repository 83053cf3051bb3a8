using System.Text.Json;
using Hindsight.Reports;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Reports.Tests;

public class SweepReportTests
{
    private const string Spec = """
        name: sweep-test
        horizon: 4000
        horizons: [1000, 2000]
        runs: 3
        meters: [switching]
        environments:
          - kind: bernoulli
            means: [0.4, 0.6]
        learners:
          - {kind: budgeted-feedback, name: b10, budget: 10}
          - {kind: budgeted-feedback, name: b100, budget: 100}
          - {kind: budgeted-feedback, name: b1000, budget: 1000}
        """;

    private static readonly Lazy<ExperimentResult> Result = new(() =>
        Runner.Run(SpecLoader.Parse(Spec, "spec.yaml", Path.GetTempPath(), "spec"), new RunnerOptions { Threads = 2 }));

    [Fact]
    public void Results_json_holds_the_horizon_sweep_with_exponents()
    {
        using var doc = JsonDocument.Parse(ResultsJson.ToUtf8(Result.Value));
        JsonElement sweep = doc.RootElement.GetProperty("sweep");
        Assert.Equal([1000L, 2000, 4000], sweep.GetProperty("horizons").EnumerateArray().Select(h => h.GetInt64()));
        JsonElement first = sweep.GetProperty("results")[0];
        Assert.Equal("b10", first.GetProperty("learner").GetString());
        JsonElement switching = first.GetProperty("regret").GetProperty("switching");
        Assert.Equal(3, switching.GetProperty("final").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, switching.GetProperty("rate").GetProperty("exponent").ValueKind);

        // The main result is the one at the spec's horizon, and the sweep's last column repeats it.
        double main = doc.RootElement.GetProperty("results")[0].GetProperty("regret").GetProperty("switching").GetProperty("final").GetProperty("mean").GetDouble();
        Assert.Equal(main, switching.GetProperty("final")[2].GetProperty("mean").GetDouble());
    }

    [Fact]
    public void Report_draws_regret_against_the_budget_and_against_the_horizon()
    {
        string html = HtmlReport.ToText(Result.Value);
        Assert.Contains("switching regret against budget (budgeted-feedback)", html, StringComparison.Ordinal);
        Assert.Contains("Regret against the horizon", html, StringComparison.Ordinal);
        Assert.Contains("exponent in T", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_sweeps_need_one_varying_number()
    {
        IReadOnlyList<PairResult> pairs = Result.Value.Pairs;
        ParameterSweep sweep = Assert.Single(ParameterSweep.Find(pairs, "switching"));
        Assert.Equal("budget", sweep.Parameter);
        Assert.Equal([10.0, 100, 1000], Assert.Single(sweep.Series).Points.Select(p => p.X));
        Assert.Empty(ParameterSweep.Find(pairs.Take(2).ToList(), "switching"));
    }
}
