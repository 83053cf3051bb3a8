using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>The adversarial example's claims, on the example file at full size (T = 10⁵, 20 runs, seed 7).</summary>
public class AdversarialTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("adversarial.yaml"));

    private static MeterResult Meter(string environment, string learner, string meter)
        => Result.Value.Pairs.Single(p => p.Environment.Name == environment && p.Learner.Name == learner).Meters.Single(m => m.Name == meter);

    [Fact]
    public void Exp3_external_regret_grows_as_the_square_root_of_t()
    {
        // When each round's best arm is fresh, every learner's external regret is the maximum of K random walks:
        // Θ(√t). EXP3's fitted exponent over [10³, 10⁵] must lie in [0.4, 0.65].
        Assert.InRange(Meter("random-best-10", "exp3", "external").Rate!.Value.Exponent!.Value, 0.4, 0.65);
        Assert.InRange(Meter("random-best-10", "exp3", "pseudo").Rate!.Value.Exponent!.Value, 0.4, 0.65);
    }

    [Fact]
    public void Tsallis_inf_keeps_the_lowest_regret_against_the_stochastically_constrained_adversary()
    {
        // Best of both worlds: the moving levels do not hurt Tsallis-INF, while UCB1 and Thompson sampling are misled.
        var tsallis = Meter("constrained-10", "tsallis-inf", "pseudo").Final;
        foreach (string other in new[] { "exp3", "exp3-ix", "ucb1", "thompson" })
        {
            Assert.True(tsallis.High < Meter("constrained-10", other, "pseudo").Final.Low, $"tsallis-inf vs {other}");
        }
    }

    [Fact]
    public void Dynamic_regret_is_linear_when_the_best_arm_keeps_switching()
    {
        // Against the per-round best, a learner that cannot predict the switches loses a constant per round.
        Assert.InRange(Meter("random-best-10", "exp3", "dynamic").Rate!.Value.Exponent!.Value, 0.95, 1.05);
        // With blocks of 1000 rounds EXP3 tracks a little while its rate is large, then not at all: it still loses
        // more than half of the maximal per-round loss (high − low = 0.4) on average.
        Assert.True(Meter("switching-1000", "exp3", "dynamic").Final.Mean > 0.5 * 0.4 * 100_000);
    }
}
