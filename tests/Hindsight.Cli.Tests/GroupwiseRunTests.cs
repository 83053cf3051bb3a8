using System.Text.Json;

namespace Hindsight.Cli.Tests;

public class GroupwiseRunTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    /// <summary>Writes a CSV and a groupwise spec reading it into a fresh folder; returns the spec's path.</summary>
    private static string Setup(string csv, string groups = "[sex, {column: age, label: age band, cuts: [40]}]", string extra = "")
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "people.csv"), csv);
        string spec = Path.Combine(dir, "spec.yaml");
        File.WriteAllText(spec, $"kind: groupwise\nname: gw\ndata: people.csv\ntarget: y\ngroups: {groups}\n{extra}");
        return spec;
    }

    private static string Csv()
    {
        var rng = new Random(4);
        var lines = new List<string> { "age,sex,x,y" };
        for (int i = 0; i < 400; i++)
        {
            int age = 20 + rng.Next(50);
            string sex = rng.Next(2) == 0 ? "f" : "m";
            double x = rng.NextDouble();
            double y = (sex == "f" ? 2 * x : 1 - x) + (age > 40 ? 0.5 : 0) + (0.1 * rng.NextDouble());
            lines.Add($"{age},{sex},{x:0.0000},{y:0.0000}");
        }

        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void A_groupwise_spec_writes_a_table_and_a_bar_chart()
    {
        string spec = Setup(Csv());
        string outDir = Path.Combine(Path.GetDirectoryName(spec)!, "out");
        var (code, stdout, stderr) = Run("run", spec, "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("age band=[40,inf)", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        Assert.Equal("groupwise", doc.RootElement.GetProperty("kind").GetString());
        JsonElement groups = doc.RootElement.GetProperty("groups");
        Assert.Equal(["sex=f", "sex=m", "age band=[-inf,40)", "age band=[40,inf)"], groups.EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(400, groups[0].GetProperty("rows").GetInt32() + groups[1].GetProperty("rows").GetInt32());
        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("average square loss per group", html, StringComparison.Ordinal);
        Assert.Contains("<td>sex=m</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "people.csv:3: sex: missing value (empty cell)", "data")]
    [InlineData("unknown-group", "unknown column 'race'", "groups[1]")]
    [InlineData("bad-cuts", "cut points must be strictly increasing", "groups[0].cuts")]
    [InlineData("not-numeric-cuts", "cut points need a numeric column", "data")]
    [InlineData("unknown-key", "unknown key 'lamda'; did you mean 'lambda'?", "lamda")]
    public void Bad_groupwise_input_exits_2_naming_the_file_line_and_field_and_writes_nothing(string problem, string message, string field)
    {
        string csv = Csv();
        string groups = "[sex, {column: age, cuts: [40]}]";
        string extra = string.Empty;
        switch (problem)
        {
            case "missing":
                csv = csv.Replace("\n", "\n", StringComparison.Ordinal);
                var lines = csv.Split('\n');
                lines[2] = string.Join(',', lines[2].Split(',').Select((c, i) => i == 1 ? string.Empty : c));
                csv = string.Join('\n', lines);
                break;
            case "unknown-group":
                groups = "[sex, race]";
                break;
            case "bad-cuts":
                groups = "[{column: age, cuts: [40, 30]}]";
                break;
            case "not-numeric-cuts":
                groups = "[{column: sex, cuts: [1]}]";
                break;
            case "unknown-key":
                extra = "lamda: 2\n";
                break;
        }

        string spec = Setup(csv, groups, extra);
        string outDir = Path.Combine(Path.GetDirectoryName(spec)!, "out");
        var (code, _, stderr) = Run("run", spec, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains($"{field}:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Bandit_options_do_not_apply_to_a_groupwise_spec()
    {
        var (code, _, stderr) = Run("run", Setup(Csv()), "--horizon", "10");
        Assert.Equal(2, code);
        Assert.Contains("do not apply to a groupwise spec", stderr, StringComparison.Ordinal);
    }
}
