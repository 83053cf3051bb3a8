using System.Globalization;
using System.Text;
using Hindsight.Contextual;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

/// <summary>Reading with recycled feature sets (VW's example pool) gives, example by example, what fresh reading gives.</summary>
public class ReuseExamplesTests
{
    /// <summary>Everything a learner sees of an example, captured while it is current.</summary>
    private static string Snapshot(CbExample e)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{e.Label} {e.Id} {e.IsAdf} [{string.Join(',', e.Probabilities ?? [])}] [{string.Join(',', e.Costs ?? [])}]");
        foreach (var set in new[] { e.Shared }.Concat(e.Actions))
        {
            text.Append(" |");
            foreach (var g in set.Groups)
            {
                text.Append(CultureInfo.InvariantCulture, $" {g.Name}:{string.Join(',', g.Hashes.Zip(g.Values, (h, v) => $"{h}={v:R}"))}");
            }
        }

        return text.ToString();
    }

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("train-sets/cb_test.ldf")]
    [InlineData("train-sets/cb_features_w_zero_vals.dat")]
    public void Vw_text_adf(string fixture)
    {
        string path = RepositoryPaths.VwFixture(fixture);
        Assert.Equal(new VwTextReader(path).Read().Select(Snapshot), new VwTextReader(path) { ReuseExamples = true }.Read().Select(Snapshot));
    }

    [Fact]
    public void Vw_text_single_line()
    {
        string path = RepositoryPaths.VwFixture("train-sets/cb_multi_cost.dat");
        Assert.Equal(new VwTextReader(path, actions: 4).Read().Select(Snapshot), new VwTextReader(path, actions: 4) { ReuseExamples = true }.Read().Select(Snapshot));
    }

    [Theory]
    [InlineData("train-sets/dsjson_cb.json")]
    [InlineData("train-sets/decisionservice.json")]
    public void Dsjson(string fixture)
    {
        string path = RepositoryPaths.VwFixture(fixture);
        Assert.Equal(new DsJsonReader(path).Read().Select(Snapshot), new DsJsonReader(path) { ReuseExamples = true }.Read().Select(Snapshot));
    }

    [Fact]
    public void Namespaces_that_change_order_and_count_between_examples_keep_their_order()
    {
        var rng = new Random(7);
        var lines = new StringBuilder();
        var text = new StringBuilder();
        string[] names = ["a", "b", "c", "d"];
        for (int n = 0; n < 200; n++)
        {
            string Ns() => string.Join(',', names.OrderBy(_ => rng.Next()).Take(rng.Next(0, 4)).Select(s => $"\"{s}\":{{\"f{rng.Next(5)}\":{rng.Next(1, 9)}}}"));
            int actions = rng.Next(1, 5);
            string shared = Ns();
            string multi = string.Join(',', Enumerable.Range(0, actions).Select(_ => "{" + Ns() + "}"));
            lines.Append("{\"_label_cost\":1,\"_label_probability\":0.5,\"_labelIndex\":0,\"c\":{")
                .Append(shared.Length > 0 ? shared + "," : string.Empty).Append("\"_multi\":[").Append(multi).Append("]}}\n");
            text.Append("shared |s x:").Append(rng.Next(1, 9)).Append(rng.Next(2) == 0 ? " |t y" : string.Empty).Append('\n');
            for (int a = 0; a < actions; a++)
            {
                text.Append(a == 0 ? "0:1:0.5 " : string.Empty).Append(rng.Next(2) == 0 ? "|b z |a w" : "|a w").Append(CultureInfo.InvariantCulture, $" |c v{a}\n");
            }

            text.Append('\n');
        }

        string json = Write("log.json", lines.ToString());
        string vw = Write("log.txt", text.ToString());
        Assert.Equal(new DsJsonReader(json).Read().Select(Snapshot), new DsJsonReader(json) { ReuseExamples = true }.Read().Select(Snapshot));
        Assert.Equal(new VwTextReader(vw).Read().Select(Snapshot), new VwTextReader(vw) { ReuseExamples = true }.Read().Select(Snapshot));
        Assert.Equal(200, new DsJsonReader(json) { ReuseExamples = true }.Read().Count());
    }

    [Fact]
    public void Repeated_action_catalogs_read_the_same_through_the_action_cache()
    {
        // Actions drawn from three variants per position, so lookups hit, miss and hit again; the label moves between
        // lines (text) and the action count varies.
        var rng = new Random(11);
        var json = new StringBuilder();
        var text = new StringBuilder();
        for (int n = 0; n < 300; n++)
        {
            int actions = rng.Next(2, 5);
            int[] variant = [.. Enumerable.Range(0, actions).Select(_ => rng.Next(10) < 8 ? 0 : rng.Next(1, 3))];
            int label = rng.Next(actions);
            string multi = string.Join(',', Enumerable.Range(0, actions).Select(a => $"{{\"a\":{{\"z{variant[a]}\":{a + 1}.5,\"id\":\"v{variant[a]}\"}}}}"));
            json.Append(CultureInfo.InvariantCulture, $"{{\"_label_cost\":1,\"_label_probability\":0.5,\"_labelIndex\":{label},\"c\":{{\"s\":{{\"x\":{n % 7 + 1}}},\"_multi\":[{multi}]}}}}\n");
            text.Append(CultureInfo.InvariantCulture, $"shared |s x:{n % 7 + 1}\n");
            for (int a = 0; a < actions; a++)
            {
                text.Append(a == label ? $"{a}:1:0.5 " : string.Empty).Append(CultureInfo.InvariantCulture, $"|a z{variant[a]}:{a + 1}.5 id{variant[a]}\n");
            }

            text.Append('\n');
        }

        string jsonPath = Write("log.json", json.ToString());
        string textPath = Write("log.txt", text.ToString());
        Assert.Equal(new DsJsonReader(jsonPath).Read().Select(Snapshot), new DsJsonReader(jsonPath) { ReuseExamples = true }.Read().Select(Snapshot));
        Assert.Equal(new VwTextReader(textPath).Read().Select(Snapshot), new VwTextReader(textPath) { ReuseExamples = true }.Read().Select(Snapshot));
    }

    [Fact]
    public void An_action_that_failed_to_parse_is_not_served_from_the_cache()
    {
        const string Good = "{\"_label_cost\":1,\"_label_probability\":0.5,\"_labelIndex\":0,\"c\":{\"_multi\":[{\"a\":{\"x\":1}}]}}";
        const string Bad = "{\"_label_cost\":1,\"_label_probability\":0.5,\"_labelIndex\":0,\"c\":{\"_multi\":[{\"a\":{\"x\":1e999}}]}}";
        string path = Write("log.json", string.Join('\n', Good, Bad, Bad, Good) + "\n");
        var reader = new DsJsonReader(path, MalformedRecordPolicy.Skip) { ReuseExamples = true };
        Assert.Equal(2, reader.Read().Count());
        Assert.Equal(2, reader.Report.Skipped);

        string text = Write("log.txt", "0:1:0.5 |a x:1\n\n0:1:0.5 |a x:zz\n\n0:1:0.5 |a x:zz\n\n0:1:0.5 |a x:1\n\n");
        var vw = new VwTextReader(text, MalformedRecordPolicy.Skip) { ReuseExamples = true };
        Assert.Equal(2, vw.Read().Count());
        Assert.Equal(2, vw.Report.Skipped);
    }
}
