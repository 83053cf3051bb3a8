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
}
