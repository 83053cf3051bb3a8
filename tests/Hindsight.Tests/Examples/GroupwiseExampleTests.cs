using Hindsight.Groupwise;
using Hindsight.Specs;

namespace Hindsight.Tests.Examples;

/// <summary>The claims of examples/groupwise-medical.yaml and examples/groupwise-adult.yaml (skipped without ../shared/data).</summary>
public class GroupwiseExampleTests
{
    private static (GroupwiseStudy Study, GroupwiseEvaluation Result) Run(string example)
    {
        var study = ((GroupwiseSpec)SpecLoader.LoadDocument(RepositoryPaths.Example(example))).Study;
        return (study, study.Run());
    }

    [SkippableFact]
    public void Medical_cost_groupwise_is_no_worse_than_plain_regression_in_all_twelve_groups()
    {
        Skip.If(RepositoryPaths.Shared(Path.Combine("medical-cost-insurance", "insurance.csv")) is null, "../shared/data/medical-cost-insurance is not present");
        var (_, result) = Run("groupwise-medical.yaml");
        Assert.Equal(12, result.Groups.Count);
        Assert.All(result.Groups, g => Assert.True(g.Groupwise <= g.Plain, $"{g.Name}: {g.GroupwiseAverage} > {g.PlainAverage}"));
    }

    [SkippableFact]
    public void Adult_groupwise_is_no_worse_than_plain_regression_except_race_other()
    {
        Skip.If(RepositoryPaths.Shared(Path.Combine("uci-adult", "adult.data")) is null, "../shared/data/uci-adult is not present");
        var (_, result) = Run("groupwise-adult.yaml");
        Assert.Equal(11, result.Groups.Count);
        Assert.Equal(["race=Other"], result.Groups.Where(g => g.Groupwise > g.Plain).Select(g => g.Name));
        Assert.Contains(result.Groups, g => g.Name == "age=[60,inf)");
    }
}
