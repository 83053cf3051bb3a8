using Hindsight.Dueling;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Tests.Examples;

/// <summary>
/// The claims of examples/dueling.yaml (T = 10⁵, 3 runs). Measured: Condorcet regret RUCB 378, DTS 119, uniform 8 750;
/// Copeland regret without a Condorcet winner: DTS 1 070 (both arms the Copeland winner in 95 % of rounds), RUCB 22 700,
/// uniform 25 000.
/// </summary>
public class DuelingExampleTests
{
    private static readonly Lazy<DuelingStudyResult> Result = new(() => ((DuelingSpec)SpecLoader.LoadDocument(RepositoryPaths.Example("dueling.yaml"))).Study.Run());

    private static DuelingPairResult Pair(string environment, string learner) => Result.Value.Pairs.Single(p => p.Environment == environment && p.Learner == learner);

    private static MeterResult Meter(string environment, string learner, string meter) => Pair(environment, learner).Meters.Single(m => m.Name == meter);

    [Theory]
    [InlineData("rucb")]
    [InlineData("dts")]
    public void With_a_condorcet_winner_regret_is_logarithmic(string learner)
    {
        MeterResult m = Meter("condorcet-8", learner, "condorcet");
        Assert.True(m.Final.Mean < Meter("condorcet-8", "uniform", "condorcet").Final.Mean / 10);
        Assert.True(m.Rate!.Value.Exponent < 0.5, $"slope {m.Rate.Value.Exponent}");
    }

    [Fact]
    public void Without_one_dts_finds_the_copeland_winner_and_rucb_does_not()
    {
        Assert.True(Meter("copeland-5", "dts", "copeland").Final.Mean < Meter("copeland-5", "rucb", "copeland").Final.Mean / 10);
        Assert.True(Pair("copeland-5", "dts").WinnerFraction > 0.9);
        Assert.DoesNotContain(Pair("copeland-5", "dts").Meters, m => m.Name == "condorcet");
    }
}
