using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Bandits.Policies;
using Hindsight.Numerics;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Tests.Bandits.Policies;

public class BudgetedFeedbackTests
{
    /// <summary>Plays one run through the runner's loop with a channel; returns (switches, observations used).</summary>
    private static (int Switches, long Used, int[] Choices) Play(BudgetedFeedback policy, IBanditOracle oracle, long horizon)
    {
        var channel = new ObservationChannel(oracle, policy.ObservationBudget);
        var choices = new int[horizon];
        int switches = 0;
        for (long t = 1; t <= horizon; t++)
        {
            int arm = policy.Choose();
            choices[t - 1] = arm;
            switches += t > 1 && arm != choices[t - 2] ? 1 : 0;
            policy.Update(arm, oracle.Reward(t, arm));
            channel.Begin(t);
            policy.Observe(channel);
        }

        return (switches, channel.Used, choices);
    }

    [Theory]
    [InlineData(ObservationBudgetKind.Extra, 3, 2)]
    [InlineData(ObservationBudgetKind.Total, 4, 3)]
    public void Full_information_rounds_spend_the_whole_budget_and_no_more(ObservationBudgetKind kind, int perRound, int unused)
    {
        // K = 4: a round that observes every arm costs K − 1 looks with free bandit feedback and K without.
        const long T = 5000;
        long budget = (600 * perRound) + unused;
        var policy = new BudgetedFeedback(4, budget, kind, FeedbackType.Full);
        policy.Prepare(T);
        policy.Reset(7);
        Assert.Equal(600, policy.ObservationRounds);
        var env = new BernoulliEnvironment([0.2, 0.4, 0.6, 0.8]);
        (_, long used, _) = Play(policy, env.Start(3, 0), T);
        Assert.Equal(600 * perRound, used);
    }

    [Fact]
    public void Bandit_feedback_under_a_total_budget_buys_one_look_per_block()
    {
        const long T = 10_000;
        var policy = new BudgetedFeedback(3, 50, ObservationBudgetKind.Total, FeedbackType.Bandit);
        policy.Prepare(T);
        policy.Reset(1);
        Assert.Equal(200, policy.Block); // N = min(B, T/τ*) = 50 blocks
        var env = new BernoulliEnvironment([0.2, 0.5, 0.8]);
        (int switches, long used, _) = Play(policy, env.Start(3, 0), T);
        Assert.Equal(50, used);
        Assert.True(switches <= 49);
    }

    [Fact]
    public void Under_a_total_budget_the_free_reward_is_ignored()
    {
        // The learner must behave identically whatever Update hands it: it paid only for what came through the channel.
        var env = new BernoulliEnvironment([0.3, 0.6, 0.5]);
        foreach (FeedbackType type in new[] { FeedbackType.Bandit, FeedbackType.Full })
        {
            int[] Run(bool garbage)
            {
                var policy = new BudgetedFeedback(3, 900, ObservationBudgetKind.Total, type);
                policy.Prepare(3000);
                policy.Reset(5);
                IBanditOracle oracle = env.Start(2, 0);
                var channel = new ObservationChannel(oracle, policy.ObservationBudget);
                var choices = new int[3000];
                for (long t = 1; t <= 3000; t++)
                {
                    int arm = policy.Choose();
                    choices[t - 1] = arm;
                    policy.Update(arm, garbage ? 1.0 - oracle.Reward(t, arm) : oracle.Reward(t, arm));
                    channel.Begin(t);
                    policy.Observe(channel);
                }

                return choices;
            }

            Assert.Equal(Run(false), Run(true));
        }
    }

    [Fact]
    public void Lazy_resampling_leaves_each_round_s_arm_distributed_as_the_weights()
    {
        // Shrinking dartboard: P(Aₜ = i) = E[pₜ(i)] although the arm is kept between rounds. Over 4000 independent runs
        // on a fixed loss table, the count of arm i at round t must match Σ pₜ(i) within 4 standard deviations.
        const int T = 40, K = 3, Runs = 4000;
        var rows = new List<IReadOnlyList<double>>();
        for (int t = 0; t < T; t++)
        {
            rows.Add([t % 3 == 0 ? 1.0 : 0.2, 0.5, t % 2 == 0 ? 0.9 : 0.1]);
        }

        var env = new RewardTableEnvironment(rows);
        int[] probe = [5, 20, 40];
        var counts = new double[probe.Length, K];
        var expected = new double[probe.Length, K];
        var variance = new double[probe.Length, K];
        for (int run = 0; run < Runs; run++)
        {
            var policy = new BudgetedFeedback(K, 2 * 30, ObservationBudgetKind.Extra, FeedbackType.Full);
            policy.Prepare(T);
            policy.Reset(CounterRng.Key(9, run, 1));
            IBanditOracle oracle = env.Start(1, run);
            var channel = new ObservationChannel(oracle, policy.ObservationBudget);
            for (int t = 1; t <= T; t++)
            {
                int slot = Array.IndexOf(probe, t);
                if (slot >= 0)
                {
                    for (int a = 0; a < K; a++)
                    {
                        double p = policy.Probability(a);
                        expected[slot, a] += p;
                        variance[slot, a] += p * (1 - p);
                    }
                }

                int arm = policy.Choose();
                if (slot >= 0)
                {
                    counts[slot, arm]++;
                }

                policy.Update(arm, oracle.Reward(t, arm));
                channel.Begin(t);
                policy.Observe(channel);
            }
        }

        for (int s = 0; s < probe.Length; s++)
        {
            for (int a = 0; a < K; a++)
            {
                double z = (counts[s, a] - expected[s, a]) / Math.Sqrt(variance[s, a]);
                Assert.True(Math.Abs(z) < 4, $"round {probe[s]}, arm {a}: count {counts[s, a]}, expected {expected[s, a]:0.0}, z = {z:0.00}");
            }
        }
    }

    [Fact]
    public void Full_information_rounds_keep_switches_under_eta_T_and_regret_under_the_bound()
    {
        // Bounds (expectations): switches ≤ ηT = √(2R ln K), regret ≤ T√(2 ln K/R); checked on the mean of 20 runs.
        const long T = 20_000;
        var env = new BernoulliEnvironment([0.5, 0.45, 0.4, 0.35]);
        double switches = 0, regret = 0;
        for (int run = 0; run < 20; run++)
        {
            var policy = new BudgetedFeedback(4, 3 * 2000, ObservationBudgetKind.Extra, FeedbackType.Full);
            policy.Reset(Runner.LearnerSeed(2, run, "b"));
            policy.Prepare(T);
            double[] record = new double[2];
            Assert.True(Runner.Play(policy, env.Start(2, run), [new PseudoRegretMeter(), new SwitchesMeter()], T, [T], record, CancellationToken.None));
            regret += record[0] / 20;
            switches += record[1] / 20;
        }

        Assert.True(switches <= Math.Sqrt(2 * 2000 * Math.Log(4)), $"switches {switches}");
        Assert.True(regret <= T * Math.Sqrt(2 * Math.Log(4) / 2000), $"regret {regret}");
    }

    [Fact]
    public void Auto_picks_bandit_feedback_for_small_budgets_and_full_information_for_large_ones()
    {
        var small = new BudgetedFeedback(2, 100);
        small.Prepare(100_000);
        Assert.Equal(FeedbackType.Bandit, small.Feedback);
        var large = new BudgetedFeedback(2, 10_000);
        large.Prepare(100_000);
        Assert.Equal(FeedbackType.Full, large.Feedback);
        Assert.Equal(10_000, large.ObservationRounds);
    }

    [Fact]
    public void The_runner_refuses_a_look_past_the_declared_budget()
    {
        var env = new BernoulliEnvironment([0.5, 0.6]);
        double[] record = new double[1];
        var ex = Assert.Throws<InvalidOperationException>(() => Runner.Play(new Greedy(), env.Start(1, 0), [new SwitchesMeter()], 10, [10], record, CancellationToken.None));
        Assert.Contains("budget", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A learner that declares one observation and tries to take two.</summary>
    private sealed class Greedy : IBudgetedFeedbackPolicy
    {
        public int Arms => 2;

        public long ObservationBudget => 1;

        public void Reset(ulong seed)
        {
        }

        public int Choose() => 0;

        public void Update(int arm, double reward)
        {
        }

        public void Observe(ObservationChannel channel) => channel.Observe(1);
    }
}
