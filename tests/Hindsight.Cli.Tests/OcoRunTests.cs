using System.Text.Json;

namespace Hindsight.Cli.Tests;

public class OcoRunTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    private const string Good = """
        kind: oco
        horizon: 500
        runs: 2
        domain: {kind: box, low: -2, high: 2}
        streams:
          - {kind: regression, name: square, data: rows.csv, target: y, loss: square}
          - {kind: regression, name: hinge, data: rows.csv, target: y, loss: hinge, positive: "1"}
        learners: [ogd, adagrad, ons, {kind: ftrl, optimistic: true}]
        """;

    private static string Setup(string spec, string? csv = null)
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        if (csv is null)
        {
            var rng = new Random(2);
            var lines = new List<string> { "a,b,y" };
            for (int i = 0; i < 600; i++)
            {
                double a = rng.NextDouble(), b = rng.NextDouble();
                lines.Add($"{a:0.000},{b:0.000},{(a + (0.5 * b) > 0.8 ? 1 : 0)}");
            }

            csv = string.Join('\n', lines) + "\n";
        }

        File.WriteAllText(Path.Combine(dir, "rows.csv"), csv);
        string path = Path.Combine(dir, "spec.yaml");
        File.WriteAllText(path, spec);
        return path;
    }

    [Fact]
    public void An_oco_spec_on_a_csv_writes_results_and_a_report()
    {
        string spec = Setup(Good);
        string outDir = Path.Combine(Path.GetDirectoryName(spec)!, "out");
        var (code, stdout, stderr) = Run("run", spec, "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("adaptive regret", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        Assert.Equal("oco", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(8, doc.RootElement.GetProperty("results").GetArrayLength());
        JsonElement external = doc.RootElement.GetProperty("results")[0].GetProperty("regret").GetProperty("external");
        Assert.Equal(JsonValueKind.Number, external.GetProperty("final").GetProperty("mean").ValueKind);
        Assert.Contains("smoothed surrogate", doc.RootElement.GetProperty("notes")[0].GetString() + doc.RootElement.GetProperty("notes")[1].GetString(), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("domain: {kind: box, low: -2, high: 2}", "domain: {kind: ball, dimension: 3, radius: -1}", "domain.radius", "must be > 0")]
    [InlineData("domain: {kind: box, low: -2, high: 2}", "domain: {kind: box, low: 1, high: 1}", "domain.high", "must be > low")]
    [InlineData("domain: {kind: box, low: -2, high: 2}", "domain: {kind: ball, radius: 1}", "streams[0]", "regression streams need a box domain")]
    [InlineData("domain: {kind: box, low: -2, high: 2}", "domain: {kind: box, dimension: 5}", "domain.dimension", "does not match the data")]
    [InlineData("domain: {kind: box, low: -2, high: 2}", "domain: {kind: torus}", "domain.kind", "unknown domain 'torus'")]
    [InlineData("domain: {kind: box, low: -2, high: 2}", "domain: {[kind]: box}", "", "a key must be a plain word")]
    [InlineData("loss: square}", "loss: cubic}", "streams[0].loss", "unknown value 'cubic'")]
    [InlineData("target: y, loss: hinge, positive: \"1\"", "target: a, loss: hinge", "streams[1].loss", "needs a binary target")]
    [InlineData("learners: [ogd,", "learners: [ogdd,", "learners[0].kind", "did you mean 'ogd'?")]
    [InlineData("{kind: ftrl, optimistic: true}", "{kind: ftrl, regularizer: entropy}", "learners[3]", "needs a simplex domain")]
    [InlineData("horizon: 500", "horizon: 5000", "streams[0]", "600 rows, fewer than the horizon 5000")]
    public void Bad_oco_input_exits_2_naming_the_field_and_writes_nothing(string find, string replace, string field, string message)
    {
        string spec = Setup(Good.Replace(find, replace, StringComparison.Ordinal));
        string outDir = Path.Combine(Path.GetDirectoryName(spec)!, "out");
        var (code, _, stderr) = Run("run", spec, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains($"{field}:", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_one_dimensional_simplex_is_a_point_and_exits_2()
    {
        string spec = Setup("kind: oco\nhorizon: 10\ndomain: {kind: simplex, dimension: 1}\nstreams: [sea-linear]\nlearners: [ogd]\n");
        var (code, _, stderr) = Run("run", spec, "--out", Path.Combine(Path.GetDirectoryName(spec)!, "out"));
        Assert.Equal(2, code);
        Assert.Contains("domain.dimension: a simplex needs dimension ≥ 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_with_a_missing_value_exits_2_naming_file_line_and_column()
    {
        string spec = Setup(Good, "a,b,y\n0.1,0.2,1\n0.3,,0\n");
        var (code, _, stderr) = Run("run", spec, "--out", Path.Combine(Path.GetDirectoryName(spec)!, "out"));
        Assert.Equal(2, code);
        Assert.Contains("rows.csv:3: b: missing value", stderr, StringComparison.Ordinal);
    }
}
