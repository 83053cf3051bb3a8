using Hindsight.Contextual;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

public class ObdExamplesTests
{
    [SkippableFact]
    public void Open_bandit_impressions_become_adf_examples_with_item_features()
    {
        string? log = RepositoryPaths.Shared("open-bandit-dataset/random/men/men.csv");
        Skip.If(log is null, "../shared/data/open-bandit-dataset is not beside this checkout");
        List<CbExample> examples = [.. ObdExamples.Read(log!, MalformedRecordPolicy.Stop, null, out ReadReport report)];
        Assert.Equal(10_000, examples.Count);
        Assert.Equal(10_000, report.Examples);
        Assert.All(examples, e => Assert.Equal(34, e.Actions.Count));
        // The uniform policy's propensity is 1/34; a click is cost −1; 46 clicks in this sample (CTR 0.0046).
        Assert.All(examples, e => Assert.Equal(1f / 34, e.Label!.Value.Probability, 6));
        Assert.Equal(-46, examples.Sum(e => e.Label!.Value.Cost));
        // Shared: 4 user features, the slot, 34 affinities (zeros dropped); items: 1 numeric + 3 categorical features.
        Assert.Equal(["u", "p", "f"], examples[0].Shared.Groups.Select(g => g.Name));
        Assert.Equal(4, examples[0].Shared.Groups[0].Count);
        Assert.All(examples[0].Actions, a => Assert.Equal(4, a.Count));
    }
}
