using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>The claims of examples/experts.yaml (100 experts, T = 20 000, 5 runs, seed 3).</summary>
public class ExpertsExampleTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("experts.yaml"));

    private static MeterResult External(string environment, string learner)
        => Result.Value.Pairs.Single(p => p.Environment.Name == environment && p.Learner.Name == learner).Meters.Single(m => m.Name == "external");

    [Fact]
    public void Tuned_hedge_stays_under_sqrt_t_log_k_over_2_at_every_checkpoint()
    {
        double bound = Math.Sqrt(20_000 * Math.Log(100) / 2);
        foreach (string env in new[] { "drifting", "slow" })
        {
            Assert.All(External(env, "hedge").Curve, s => Assert.True(s.High <= bound, $"{env}: {s.High} > {bound}"));
        }
    }

    [Fact]
    public void Optimistic_hedge_is_far_below_hedge_on_slowly_varying_losses()
        => Assert.True(External("slow", "optimistic-hedge").Final.High < External("slow", "hedge").Final.Low / 10);

    [Fact]
    public void Adahedge_is_within_the_range_of_the_tuned_variants_without_tuning()
    {
        foreach (string env in new[] { "drifting", "slow" })
        {
            double best = new[] { "hedge", "hedge-anytime" }.Min(l => External(env, l).Final.Mean);
            Assert.True(External(env, "adahedge").Final.Mean <= best + 20, $"{env}: AdaHedge {External(env, "adahedge").Final.Mean} vs {best}");
        }
    }
}
