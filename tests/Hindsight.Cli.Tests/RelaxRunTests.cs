using System.Text.Json;

namespace Hindsight.Cli.Tests;

/// <summary><c>hindsight run</c> on learning-to-relax specs: outputs, and bad input → exit 2 naming the field, nothing
/// written.</summary>
public class RelaxRunTests
{
    [Fact]
    public void A_relax_spec_writes_totals_regrets_and_comparators()
    {
        var (code, stdout, stderr, dir) = Cli.RunSpec("""
            kind: relax
            runs: 2
            sequence: {kind: drifting-diffusion, grid: 10, instances: 60, contrast: 2}
            omegas: [1.0, 1.2, 1.4, 1.6, 1.8]
            tolerance: 1e-6
            learners: [tsallis-inf, unimodal-ucb, {kind: chebyshev, degree: 2}]
            """);
        Assert.True(code == 0, stderr);
        Assert.Contains("instance-optimal ω", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal("relax", root.GetProperty("kind").GetString());
        Assert.Equal(100, root.GetProperty("unknowns").GetInt32());
        Assert.Equal(2.0, root.GetProperty("sequence").GetProperty("contrast").GetDouble());
        JsonElement comparators = root.GetProperty("comparators");
        double best = comparators.GetProperty("bestFixedTotal").GetDouble();
        double optimal = comparators.GetProperty("instanceOptimalTotal").GetDouble();
        Assert.True(optimal <= best);
        Assert.Equal(comparators.GetProperty("fixedTotals")[0].GetDouble(), comparators.GetProperty("gaussSeidelTotal").GetDouble());
        Assert.Equal(best, comparators.GetProperty("fixedTotals").EnumerateArray().Min(e => e.GetDouble()));
        Assert.Equal(3, root.GetProperty("results").GetArrayLength());
        foreach (JsonElement l in root.GetProperty("results").EnumerateArray())
        {
            double mean = l.GetProperty("totalIterations").GetProperty("mean").GetDouble();
            Assert.Equal(mean - best, l.GetProperty("regrets").GetProperty("external").GetProperty("mean").GetDouble(), 1e-6);
            Assert.Equal(mean - optimal, l.GetProperty("regrets").GetProperty("dynamic").GetProperty("mean").GetDouble(), 1e-6);
            Assert.Equal(2, l.GetProperty("runTotals").GetArrayLength());
            Assert.Equal(mean, l.GetProperty("cumulativeIterations").EnumerateArray().Last().GetDouble(), 1e-6);
        }

        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("omegas: [1.0, 2.0]", "omegas[1]", "(0, 2)")]
    [InlineData("omegas: [1.5, 1.2]", "omegas[1]", "increasing")]
    [InlineData("tolerance: 0", "tolerance", "(0, 1)")]
    [InlineData("learners: [tsalis-inf]", "tsallis-inf", "unknown")]
    public void Bad_relax_specs_exit_2_naming_the_field(string line, string field, string words)
    {
        string spec = $"""
            kind: relax
            sequence: {"{"}kind: drifting-poisson, grid: 4, instances: 5{"}"}
            learners: [unimodal-ucb]
            {line}
            """;
        if (line.StartsWith("learners", StringComparison.Ordinal))
        {
            spec = spec.Replace("learners: [unimodal-ucb]\n", string.Empty, StringComparison.Ordinal);
        }

        var (code, _, stderr, dir) = Cli.RunSpec(spec);
        Assert.Equal(2, code);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        Assert.Contains(words, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Horizon_does_not_apply_to_a_relax_spec()
    {
        var (code, _, stderr, dir) = Cli.RunSpec("""
            kind: relax
            sequence: {kind: drifting-poisson, grid: 4, instances: 5}
            learners: [unimodal-ucb]
            """, "--horizon", "10");
        Assert.Equal(2, code);
        Assert.Contains("--horizon does not apply", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_sequence_with_min_above_max_is_refused_with_its_place()
    {
        var (code, _, stderr, _) = Cli.RunSpec("""
            kind: relax
            sequence: {kind: drifting-poisson, grid: 4, instances: 5, minShift: 0.5, maxShift: 0.1}
            learners: [unimodal-ucb]
            """);
        Assert.Equal(2, code);
        Assert.Contains("sequence.maxShift", stderr, StringComparison.Ordinal);
        Assert.Contains("below minShift", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", stderr, StringComparison.Ordinal);
    }
}
