using System.Globalization;
using System.Text.RegularExpressions;
using Hindsight.Contextual;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

/// <summary>
/// The VW test inputs parse to the labels and feature counts VW's reference outputs show
/// (tests/Hindsight.Tests/Data/vowpal-wabbit-cb-tests, copied from VW's test suite with its BSD-3 licence).
/// VW's "current features" column counts, for every action, its features + the shared ones + the constant.
/// </summary>
public class VwConformanceTests
{
    private static string Fixture(string name) => RepositoryPaths.VwFixture(name);

    /// <summary>Rows of VW's progress table: (label, features) for each printed example.</summary>
    private static List<(string Label, int Features)> ProgressRows(string stderr)
    {
        var rows = new List<(string, int)>();
        foreach (string line in File.ReadLines(Fixture(stderr)))
        {
            Match m = Regex.Match(line, @"^\s*-?[\d.]+\s+-?[\d.]+\s+\d+\s+[\d.]+\s+(\S+)\s+(\S+)\s+(\d+)\s*$");
            if (m.Success)
            {
                rows.Add((m.Groups[1].Value, int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));
            }
        }

        return rows;
    }

    private static long TotalFeatures(string stderr)
        => long.Parse(File.ReadLines(Fixture(stderr)).Single(l => l.StartsWith("total feature number", StringComparison.Ordinal)).Split('=')[1].Trim(), CultureInfo.InvariantCulture);

    private static long ExampleCount(string stderr)
        => long.Parse(File.ReadLines(Fixture(stderr)).Single(l => l.StartsWith("number of examples", StringComparison.Ordinal)).Split('=')[1].Trim(), CultureInfo.InvariantCulture);

    private static string VwLabel(CbLabel label)
        => $"{label.Action}:{Format(label.Cost)}:{Format(label.Probability)}";

    private static string Format(float x) => x == 0 && float.IsNegative(x) ? "-0" : x.ToString("0.######", CultureInfo.InvariantCulture);

    [Fact]
    public void Cb_adf_text_with_a_shared_line_parses_to_three_examples()
    {
        var examples = new VwTextReader(Fixture("train-sets/cb_test.ldf")).Read().ToList();
        Assert.Equal(3, examples.Count);
        Assert.Equal(2, examples[0].Shared.Count);
        Assert.Equal(3, examples[0].Actions.Count);
        Assert.Equal(new CbLabel(0, 1f, 0.5f), examples[0].Label);
        Assert.Equal(new CbLabel(1, 0f, 0.5f), examples[1].Label); // the second action line carries the label
        Assert.Null(examples[2].Label);
        Assert.Equal([18, 8, 8], examples.Select(e => e.VwFeatureCount()));
        Assert.Equal([1L, 6, 9], examples.Select(e => e.Line));
    }

    [Fact]
    public void Zero_valued_features_are_dropped_as_vw_does()
    {
        // VW test 305: feature counts 3, 8 (and 13 in total over 3 examples).
        var examples = new VwTextReader(Fixture("train-sets/cb_features_w_zero_vals.dat")).Read().ToList();
        var rows = ProgressRows("train-sets/ref/cb_zero_feature_vals.stderr");
        Assert.Equal(ExampleCount("train-sets/ref/cb_zero_feature_vals.stderr"), examples.Count);
        Assert.Equal(rows.Select(r => r.Features), examples.Take(rows.Count).Select(e => e.VwFeatureCount()));
        Assert.Equal(rows.Select(r => r.Label), examples.Take(rows.Count).Select(e => VwLabel(e.Label!.Value)));
        Assert.Equal(TotalFeatures("train-sets/ref/cb_zero_feature_vals.stderr"), examples.Sum(e => e.VwFeatureCount()));
    }

    [Fact]
    public void Non_adf_cb_lines_with_several_costs_parse_to_vw_labels()
    {
        // VW test 338: --cb 4; labels 0:1:1, 1:2:1, 3:4:1 are printed; 16 features each, 80 in total.
        var examples = new VwTextReader(Fixture("train-sets/cb_multi_cost.dat"), actions: 4).Read().ToList();
        var rows = ProgressRows("train-sets/ref/cb_multi_cost.stderr");
        Assert.Equal(ExampleCount("train-sets/ref/cb_multi_cost.stderr"), examples.Count);
        Assert.Equal(TotalFeatures("train-sets/ref/cb_multi_cost.stderr"), examples.Sum(e => e.VwFeatureCount()));
        Assert.All(examples, e => Assert.False(e.IsAdf));
        int[] printed = [0, 1, 3]; // VW prints examples 1, 2 and 4
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Label, VwLabel(examples[printed[i]].Label!.Value));
            Assert.Equal(rows[i].Features, examples[printed[i]].VwFeatureCount());
        }

        Assert.Equal(new CbLabel(1, 2f, 0.7f), examples[4].Label);
        Assert.Equal(4, examples[4].Costs.Count);

        // Each action carries the line's features hashed apart, so a linear learner can tell the actions apart.
        var hashes = examples[0].Actions.Select(a => a.Groups[0].HashSpan[0]).ToList();
        Assert.Equal(4, hashes.Distinct().Count());
    }

    [Fact]
    public void Dsjson_with_zero_values_and_empty_actions_matches_vw()
    {
        // VW test 701: two events, 2 features each (the constants of two empty actions), label 0:-1:0.5.
        var reader = new DsJsonReader(Fixture("train-sets/cb_features_w_zero_vals.dsjson"));
        var examples = reader.Read().ToList();
        var rows = ProgressRows("train-sets/ref/t701.stderr");
        Assert.Equal(rows.Select(r => r.Label), examples.Select(e => VwLabel(e.Label!.Value)));
        Assert.Equal(rows.Select(r => r.Features), examples.Select(e => e.VwFeatureCount()));
        Assert.Equal("12", examples[0].Id);
    }

    [Fact]
    public void Dsjson_with_nested_namespaces_and_arrays_matches_vw_on_all_23_events()
    {
        // VW test 723: 23 events of 4 actions, 40 features each (920 in total); labels as printed.
        var examples = new DsJsonReader(Fixture("train-sets/dsjson_cb.json")).Read().ToList();
        var rows = ProgressRows("train-sets/ref/t723.stderr");
        Assert.Equal(ExampleCount("train-sets/ref/t723.stderr"), examples.Count);
        Assert.Equal(TotalFeatures("train-sets/ref/t723.stderr"), examples.Sum(e => e.VwFeatureCount()));
        Assert.Equal(rows.Select(r => r.Label), examples.Take(rows.Count).Select(e => VwLabel(e.Label!.Value)));
        Assert.All(examples, e => Assert.Equal(40, e.VwFeatureCount()));
        Assert.Equal([0.85f, 0.05f, 0.05f, 0.05f], examples[1].Probabilities!); // a = [1,3,2,4], p = [.85,.05,.05,.05] → index order
        Assert.Equal(["F", "i", "j"], examples[0].Shared.Groups.Select(g => g.Name[..1]).Concat(examples[0].Actions[0].Groups.Select(g => g.Name)));
    }

    [Fact]
    public void Dsjson_skip_learn_reward_only_and_checkpoint_lines_give_no_examples()
    {
        // VW test 187: number of examples = 0.
        var reader = new DsJsonReader(Fixture("train-sets/b1848_dsjson_parser_regression.txt"));
        Assert.Empty(reader.Read());
        Assert.Equal(ExampleCount("train-sets/ref/b1848_dsjson_parser_regression.stderr"), reader.Report.Examples);
        Assert.True(reader.Report.Ignored >= 3);
    }

    [Fact]
    public void Real_decision_service_events_parse()
    {
        var examples = new DsJsonReader(Fixture("train-sets/decisionservice.json")).Read().ToList();
        Assert.Equal(3, examples.Count);
        Assert.All(examples, e => Assert.Equal(12, e.Actions.Count));
        Assert.All(examples, e => Assert.Equal(9, e.Label!.Value.Action));
    }
}
