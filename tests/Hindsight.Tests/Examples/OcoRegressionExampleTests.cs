using Hindsight.Oco;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Tests.Examples;

/// <summary>examples/oco-regression.yaml on Medical Cost (skipped without ../shared/data).</summary>
public class OcoRegressionExampleTests
{
    [SkippableFact]
    public void Ftrl_regret_is_sublinear_under_all_four_losses()
    {
        Skip.If(RepositoryPaths.Shared(Path.Combine("medical-cost-insurance", "insurance.csv")) is null, "../shared/data/medical-cost-insurance is not present");
        OcoResult result = OcoRunner.Run(((OcoSpec)SpecLoader.LoadDocument(RepositoryPaths.Example("oco-regression.yaml"))).Study, Environment.ProcessorCount);
        Assert.Equal(4, result.Pairs.Count(p => p.Learner == "ftrl"));
        foreach (OcoPairResult p in result.Pairs.Where(p => p.Learner == "ftrl"))
        {
            MeterResult external = p.Meters.Single(m => m.Name == "external");
            Assert.True(external.Rate!.Value.Exponent < 0.7, $"{p.Stream}: exponent {external.Rate.Value.Exponent}"); // measured 0.35–0.54
            Assert.True(external.Final.Mean < 0.1 * 1338, $"{p.Stream}: regret {external.Final.Mean}");
        }
    }
}
