using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>
/// Issue #3's lab bar on examples/contextual-linear.yaml (d = 10, K = 5, T = 10⁴, 20 runs, seed 5): LinUCB has lower
/// regret (against the best policy: dynamic regret) than ε-greedy; its regret grows far slower than linearly.
/// </summary>
public class ContextualLinearTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("contextual-linear.yaml"));

    private static MeterResult Dynamic(string learner)
        => Result.Value.Pairs.Single(p => p.Learner.Name == learner).Meters.Single(m => m.Name == "dynamic");

    [Fact]
    public void Linucb_has_lower_regret_than_linear_epsilon_greedy()
        => Assert.True(Dynamic("linucb").Final.High < Dynamic("linear-epsilon-greedy").Final.Low);

    [Fact]
    public void Linucb_regret_is_sublinear_and_ignoring_the_context_is_linear()
    {
        Assert.InRange(Dynamic("linucb").Rate!.Value.Exponent!.Value, 0, 0.5);
        Assert.InRange(Dynamic("context-free-thompson").Rate!.Value.Exponent!.Value, 0.9, 1.1);
    }
}
