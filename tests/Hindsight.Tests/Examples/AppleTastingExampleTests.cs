using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>
/// The claims of examples/apple-tasting.yaml (3 Bernoulli arms, arm 0 silent, T = 30 000 with a sweep at 3 000 and
/// 10 000, 20 runs, seed 4). Measured: apple-tasting's exponent in T 0.70–0.71 (theory 2/3), final regret 635 and 776;
/// one-sided UCB1 exactly 0.3·T when the silent arm is worst; one-sided Thompson exponents 0.95–0.99.
/// </summary>
public class AppleTastingExampleTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("apple-tasting.yaml"));

    private static SweepMeter Sweep(string env, string learner)
        => Result.Value.Sweep!.Pairs.Single(p => p.Environment == env && p.Learner == learner).Meters.Single(m => m.Name == "pseudo");

    [Theory]
    [InlineData("reject-worst")]
    [InlineData("reject-best")]
    public void Apple_tasting_regret_grows_as_T_to_the_two_thirds(string env)
    {
        SweepMeter tasting = Sweep(env, "apple-tasting");
        Assert.InRange(tasting.Rate.Exponent!.Value, 0.55, 0.8);
        Assert.True(tasting.Finals[^1]!.Value.Mean < 0.75 * Sweep(env, "thompson-one-sided").Finals[^1]!.Value.Mean);
    }

    [Fact]
    public void Ordinary_learners_under_one_sided_feedback_have_linear_regret()
    {
        // UCB1 pulls the silent arm first, is never told its reward, and pulls it forever: regret (0.6 − 0.3)·T.
        Assert.Equal(0.3 * 30_000, Sweep("reject-worst", "ucb1-one-sided").Finals[^1]!.Value.Mean, 6);
        foreach (string env in new[] { "reject-worst", "reject-best" })
        {
            Assert.True(Sweep(env, "thompson-one-sided").Rate.Exponent > 0.9, env);
        }
    }
}
