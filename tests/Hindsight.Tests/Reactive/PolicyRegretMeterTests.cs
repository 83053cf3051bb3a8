using Hindsight.Bandits.Policies;
using Hindsight.Reactive;

namespace Hindsight.Tests.Reactive;

public class PolicyRegretMeterTests
{
    // r[prev, a]: r(0,0) = 0.9, r(0,1) = 1, r(1,0) = 0.1, r(1,1) = 0. Alternating earns (0.1 + 1)/2 = 0.55 a round;
    // a one-round deviation on its history earns (0.1 + 0.9)/2 (arm 0) or (0 + 1)/2 (arm 1) = 0.5, but arm 0 played
    // from the start earns 0.9.
    private static readonly PreviousActionBandit Reactive = new(new[,] { { 0.9, 1.0 }, { 0.1, 0.0 } }, noise: 0.2);

    [Fact]
    public void External_regret_is_negative_while_policy_regret_is_positive()
    {
        const long T = 10_000;
        PolicyRegretResult r = PolicyRegretMeter.Run(Reactive, new RoundRobin(2), T, seed: 1, run: 0);

        // Noise terms are shared but not identical across policies (different arms draw different noise), so allow the
        // sum of T standard normals scaled by σ: 4σ√T ≈ 80.
        double slack = 4 * 0.2 * Math.Sqrt(T);
        Assert.InRange(r.LearnerReward, (0.55 * T) - slack, (0.55 * T) + slack);
        Assert.InRange(r.ExternalRegret, (-0.05 * T) - slack, (-0.05 * T) + slack);
        Assert.True(r.ExternalRegret < 0, $"external regret {r.ExternalRegret}");
        Assert.InRange(r.PolicyRegret, (0.35 * T) - slack, (0.35 * T) + slack);
        Assert.True(r.PolicyRegret > 0);
        Assert.Equal(0, Array.IndexOf(r.FixedArmRewards, r.FixedArmRewards.Max()));
    }

    [Fact]
    public void Comparators_meet_the_same_random_numbers()
    {
        // Replaying arm 1 twice gives the same total; with the same noise, the arm-1 replay and a planner that always
        // plays 1 agree exactly, and another seed changes the total.
        var always1 = new FixedPlanner(1);
        PolicyRegretResult r = PolicyRegretMeter.Run(Reactive, new RoundRobin(2), 500, seed: 3, run: 2, planners: [always1]);
        Assert.Equal(r.FixedArmRewards[1], r.PlannerRewards["always 1"]);
        Assert.Equal(r.FixedArmRewards[1], PolicyRegretMeter.Replay(Reactive, _ => 1, 500, 3, 2));
        Assert.NotEqual(r.FixedArmRewards[1], PolicyRegretMeter.Replay(Reactive, _ => 1, 500, 4, 2));
        Assert.Equal(0.0, r.RegretAgainst("always 1") - (r.FixedArmRewards[1] - r.LearnerReward));
    }

    [Fact]
    public void A_planner_that_plays_what_the_learner_played_earns_exactly_what_it_earned()
    {
        // The learner and a replay of its own action sequence meet the same noise in every round.
        PolicyRegretResult r = PolicyRegretMeter.Run(Reactive, new RoundRobin(2), 1001, seed: 7, run: 3, planners: [new Copy()]);
        Assert.Equal(r.LearnerReward, r.PlannerRewards["copy"]);
        Assert.Equal(0.0, r.RegretAgainst("copy"));
    }

    [Fact]
    public void Comparators_replayed_once_give_every_learner_the_same_result_as_replaying_them_for_it()
    {
        ComparatorRewards shared = PolicyRegretMeter.Comparators(LastSwitchTests.Bandit, 3000, seed: 5, run: 1, planners: [new BlockCyclePlanner(LastSwitchTests.Bandit)]);
        foreach (Func<Hindsight.Bandits.IBanditPolicy> learner in new Func<Hindsight.Bandits.IBanditPolicy>[] { () => new RoundRobin(3), () => new LastSwitchUcb(3, 10) })
        {
            PolicyRegretResult alone = PolicyRegretMeter.Run(LastSwitchTests.Bandit, learner(), 3000, seed: 5, run: 1, planners: [new BlockCyclePlanner(LastSwitchTests.Bandit)]);
            PolicyRegretResult withShared = PolicyRegretMeter.Run(LastSwitchTests.Bandit, learner(), 3000, seed: 5, run: 1, shared);
            Assert.Equal(alone.LearnerReward, withShared.LearnerReward);
            Assert.Equal(alone.PolicyRegret, withShared.PolicyRegret);
            Assert.Equal(alone.ExternalRegret, withShared.ExternalRegret);
            Assert.Equal(alone.RegretAgainst("block-cycle planner"), withShared.RegretAgainst("block-cycle planner"));
        }
    }

    [Fact]
    public void A_policy_of_the_wrong_size_is_refused()
        => Assert.Throws<ArgumentException>(() => PolicyRegretMeter.Run(Reactive, new Uniform(3), 10, 1, 0));

    private sealed class Copy : IReactivePlanner
    {
        public string Name => "copy";

        public int Choose(IReactiveState state) => (int)(state.Round % 2);
    }

    private sealed class FixedPlanner(int arm) : IReactivePlanner
    {
        public string Name => $"always {arm}";

        public int Choose(IReactiveState state) => arm;
    }
}
