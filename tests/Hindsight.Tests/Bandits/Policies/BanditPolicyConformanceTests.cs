using Hindsight.Bandits;
using Hindsight.Numerics;
using Hindsight.Specs;

namespace Hindsight.Tests.Bandits.Policies;

/// <summary>
/// The conformance suite every registered K-armed learner passes (after River's check_estimator): a learner added
/// to the registry is checked here without writing a test.
/// </summary>
public class BanditPolicyConformanceTests
{
    public static TheoryData<string> Learners() => [.. Registry.Learners.Select(l => l.Name)];

    /// <summary>Plays a policy against Bernoulli rewards drawn from a counter stream; returns its choices.</summary>
    private static int[] Play(IBanditPolicy policy, int rounds, Func<int, int, double>? reward = null)
    {
        ulong key = CounterRng.Key(5, 0, 0);
        reward ??= (t, a) => CounterRng.Uniform(key, t, a) < (0.2 + (0.6 * a / Math.Max(1, policy.Arms - 1))) ? 1.0 : 0.0;
        var choices = new int[rounds];
        for (int t = 0; t < rounds; t++)
        {
            int arm = policy.Choose();
            Assert.InRange(arm, 0, policy.Arms - 1);
            choices[t] = arm;
            policy.Update(arm, reward(t + 1, arm));
        }

        return choices;
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Always_chooses_a_valid_arm(string learner)
    {
        foreach (int arms in new[] { 2, 5, 17 })
        {
            IBanditPolicy policy = Registry.CreateLearner(learner, arms);
            policy.Reset(11);
            Assert.Equal(arms, policy.Arms);
            Play(policy, 3000);
        }
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Reset_restores_the_initial_behaviour(string learner)
    {
        IBanditPolicy policy = Registry.CreateLearner(learner, 6);
        policy.Reset(3);
        int[] first = Play(policy, 1500);
        policy.Reset(3);
        int[] second = Play(policy, 1500);
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Same_seed_gives_same_choices_in_two_instances(string learner)
    {
        IBanditPolicy a = Registry.CreateLearner(learner, 6), b = Registry.CreateLearner(learner, 6);
        a.Reset(77);
        b.Reset(77);
        Assert.Equal(Play(a, 1500), Play(b, 1500));
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void One_arm_works(string learner)
    {
        IBanditPolicy policy = Registry.CreateLearner(learner, 1);
        policy.Reset(1);
        Assert.All(Play(policy, 500), arm => Assert.Equal(0, arm));
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void A_thousand_arms_work(string learner)
    {
        IBanditPolicy policy = Registry.CreateLearner(learner, 1000);
        policy.Reset(1);
        int[] choices = Play(policy, 4000);
        Assert.True(choices.Distinct().Count() > 1, "a learner facing 1000 arms should try more than one");
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Rewards_of_exactly_zero_and_one_are_handled(string learner)
    {
        // Arm 0 always pays 1, every other arm always pays 0: nothing may throw, and every choice is valid.
        IBanditPolicy policy = Registry.CreateLearner(learner, 4);
        policy.Reset(2);
        int[] choices = Play(policy, 4000, (_, a) => a == 0 ? 1.0 : 0.0);
        Assert.Contains(0, choices);

        // And the reverse: all-zero rewards everywhere.
        policy.Reset(2);
        Play(policy, 2000, (_, _) => 0.0);
        policy.Reset(2);
        Play(policy, 2000, (_, _) => 1.0);
    }
}
