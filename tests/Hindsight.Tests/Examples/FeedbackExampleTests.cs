using Hindsight.Simulation;

namespace Hindsight.Tests.Examples;

/// <summary>The claims of examples/feedback.yaml (5 Bernoulli arms, Σ Δ = 1, T = 27 000, 10 runs, seed 8).</summary>
public class FeedbackExampleTests
{
    private static readonly Lazy<ExperimentResult> Result = new(() => RepositoryPaths.RunExample("feedback.yaml"));

    private static MeterResult Meter(string learner, string meter)
        => Result.Value.Pairs.Single(p => p.Learner.Name == learner).Meters.Single(m => m.Name == meter);

    [Fact]
    public void Blocked_exp3_switches_at_most_once_per_block_and_wins_once_each_switch_costs_one()
    {
        Assert.True(Meter("blocked-exp3", "switches").Final.High <= (27_000 / 30) - 1);
        Assert.True(Meter("blocked-exp3", "switches").Final.High < Meter("exp3", "switches").Final.Low);

        // Regret plus λ × switches with λ = 1: the T^(2/3) learner pays more regret but far fewer switches.
        double blocked = Meter("blocked-exp3", "pseudo").Final.Mean + Meter("blocked-exp3", "switches").Final.Mean;
        double plain = Meter("exp3", "pseudo").Final.Mean + Meter("exp3", "switches").Final.Mean;
        Assert.True(blocked < plain, $"blocked {blocked} vs EXP3 {plain}");
    }

    [Fact]
    public void Delays_add_an_additive_price_of_order_tau_max_times_the_gaps()
    {
        Assert.True(Meter("ucb1-late-100", "pseudo").Final.Mean <= Meter("ucb1", "pseudo").Final.Mean + (2 * 101 * 1.0));
        Assert.True(Meter("thompson-late-random", "pseudo").Final.Mean <= Meter("thompson", "pseudo").Final.Mean + (2 * 201 * 1.0));
    }
}
