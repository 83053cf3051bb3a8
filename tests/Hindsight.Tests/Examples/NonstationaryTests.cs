using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>The non-stationary example's measured claims, on the example file at full size (T = 10⁵, 20 runs, seed 11).</summary>
public class NonstationaryTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("nonstationary.yaml"));

    private static MeterResult Dynamic(string learner)
        => Result.Value.Pairs.Single(p => p.Learner.Name == learner).Meters.Single(m => m.Name == "dynamic");

    [Fact]
    public void Forgetting_learners_beat_thompson_sampling_whose_posteriors_concentrate()
    {
        foreach (string forgetting in new[] { "sw-ucb", "d-ucb", "discounted-thompson" })
        {
            Assert.True(Dynamic(forgetting).Final.High < Dynamic("thompson").Final.Low, forgetting);
        }
    }

    [Fact]
    public void Sliding_window_ucb_pays_a_steady_exploration_cost_linear_in_t()
        => Assert.InRange(Dynamic("sw-ucb").Rate!.Value.Exponent!.Value, 0.9, 1.1);

    [Fact]
    public void Ucb1_recovers_from_each_swap_faster_than_the_sliding_window_explores()
        => Assert.True(Dynamic("ucb1").Final.High < Dynamic("sw-ucb").Final.Low);
}
