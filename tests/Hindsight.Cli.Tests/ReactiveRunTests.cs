using System.Text.Json;

namespace Hindsight.Cli.Tests;

/// <summary><c>hindsight run</c> on reactive-bandit specs: outputs, and bad input → exit 2 naming the field.</summary>
public class ReactiveRunTests
{
    [Fact]
    public void A_reactive_spec_writes_each_regret_per_horizon()
    {
        var (code, stdout, stderr, dir) = Cli.RunSpec("""
            kind: reactive
            runs: 2
            horizons: [200, 800]
            environment: {kind: last-switch, scales: [0.9, 0.6], recharge: [0.7, 0.3], satiation: [0.6, 0.9], maxDelay: 5}
            learners: [last-switch-ucb, round-robin]
            """);
        Assert.True(code == 0, stderr);
        Assert.Contains("planner", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal("reactive", root.GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("horizons").GetArrayLength());
        JsonElement regrets = root.GetProperty("results")[0].GetProperty("regrets");
        foreach (string name in new[] { "policy", "external", "planner" })
        {
            Assert.Equal(2, regrets.GetProperty(name).GetProperty("mean").GetArrayLength());
            Assert.Equal(2, regrets.GetProperty(name).GetProperty("ci95").GetArrayLength());
        }

        Assert.False(regrets.TryGetProperty("pseudo", out _));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("environment: {kind: weighted-tallying, weights: [1, 1, 1, 1, 1], fresh: [0.5, 0.5], saturated: [0.1, 0.4]}\nlearners: [{kind: modified-successive-elimination, memoryBound: 4}]", "learners[0]", "m = 5 exceeds the bound M = 4")]
    [InlineData("environment: {kind: streaming, arms: 10}\nlearners: [ucb1]", "learners[0]", "streaming")]
    [InlineData("environment: {kind: recovering, scales: [0.5], rates: [0.5], pulls: 2}\nlearners: [periodic-ucb]", "environment", "K must lie in [1, N = 1]")]
    [InlineData("horizons: [100, 50]\nenvironment: {kind: streaming}\nlearners: [epsilon-best-arm]", "horizons[1]", "increase")]
    [InlineData("environment: {kind: dynamical-linear, rho: 0.9}\nlearners: [{kind: dynlin-ucb, rhoBound: 0.5}]", "learners[0]", "below the environment's ρ")]
    [InlineData("horizons: []\nenvironment: {kind: streaming}\nlearners: [epsilon-best-arm]", "horizons", "empty")]
    [InlineData("environment: {kind: streaming, low: 0.8, high: 0.2}\nlearners: [epsilon-best-arm]", "environment.low", "exceeds high")]
    [InlineData("environment: {kind: last-switch, scales: [0.5], recharge: [1], satiation: [0.5]}\nlearners: [last-switch-ucb]", "environment.recharge[0]", "out of range")]
    public void Bad_reactive_specs_exit_2_naming_the_field(string body, string field, string words)
    {
        var (code, _, stderr, dir) = Cli.RunSpec($"kind: reactive\n{body}\n");
        Assert.Equal(2, code);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        Assert.Contains(words, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
