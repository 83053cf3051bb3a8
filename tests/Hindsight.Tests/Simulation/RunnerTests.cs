using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Tests.Simulation;

public class RunnerTests
{
    private static Experiment Small(int runs = 6, long horizon = 3000)
    {
        var env = new EnvironmentSetup("bern", "bernoulli", [], new BernoulliEnvironment([0.2, 0.5, 0.8]));
        LearnerSetup Learner(string name) => new(name, name, [], k => Registry.CreateLearner(name, k));
        return new Experiment("small", horizon, runs, 5, [env], [Learner("ucb1"), Learner("thompson"), Learner("exp3")], [.. Hindsight.Regret.Meters.Defaults]);
    }

    private static double[] Flatten(ExperimentResult r)
        => [.. r.Pairs.SelectMany(p => p.Meters.SelectMany(m => m.Curve.SelectMany(s => new[] { s.Mean, s.StandardDeviation ?? -1, s.Low ?? -1 })))];

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var one = Runner.Run(Small(), new RunnerOptions { Threads = 1 });
        var two = Runner.Run(Small(), new RunnerOptions { Threads = 2 });
        var many = Runner.Run(Small(), new RunnerOptions { Threads = 5 });
        Assert.Equal(Flatten(one), Flatten(two));
        Assert.Equal(Flatten(one), Flatten(many));
        Assert.False(one.Partial);
    }

    [Fact]
    public void Every_learner_of_a_run_index_faces_the_same_rewards()
    {
        // Two learners that always pull arm 0 and arm 1. In run r both see the realized rewards of env.Start(seed, r),
        // so each one's external regret is max(S₀, S₁) − Sₐ computed from that one oracle (common random numbers).
        var env = new BernoulliEnvironment([0.3, 0.6]);
        var fixed0 = new LearnerSetup("arm0", "fixed", [], _ => new FixedArm(0));
        var fixed1 = new LearnerSetup("arm1", "fixed", [], _ => new FixedArm(1));
        const int runs = 3;
        var e = new Experiment("crn", 500, runs, 9, [new EnvironmentSetup("b", "bernoulli", [], env)], [fixed0, fixed1], ["external", "reward", "switches"]);
        var result = Runner.Run(e, new RunnerOptions { Threads = 2 });
        for (int arm = 0; arm < 2; arm++)
        {
            double expected = 0;
            for (int r = 0; r < runs; r++)
            {
                IBanditOracle oracle = env.Start(9, r);
                double s0 = Enumerable.Range(1, 500).Sum(t => oracle.Reward(t, 0));
                double s1 = Enumerable.Range(1, 500).Sum(t => oracle.Reward(t, 1));
                expected += (Math.Max(s0, s1) - (arm == 0 ? s0 : s1)) / runs;
            }

            double measured = result.Pairs[arm].Meters.Single(m => m.Name == "external").Final.Mean;
            Assert.Equal(expected, measured, 9);
        }
    }

    [Fact]
    public void Cancellation_keeps_finished_runs_and_marks_the_result_partial()
    {
        // Given one thread, runs go in order; the second run's learner presses "Ctrl-C" at its round 1000.
        // Then run 0 is kept, run 1 (stopped) and runs 2–3 (never started) are dropped.
        using var cts = new CancellationTokenSource();
        int created = 0;
        var env = new EnvironmentSetup("b", "bernoulli", [], new BernoulliEnvironment([0.4, 0.6]));
        var learner = new LearnerSetup("stopper", "ucb1", [], k =>
        {
            int instance = Interlocked.Increment(ref created);
            return new CancelAt(Registry.CreateLearner("ucb1", k), instance == 2 ? cts : null, 1000);
        });
        var e = new Experiment("stop", 100_000, 4, 1, [env], [learner], ["pseudo", "reward", "switches"]);
        ExperimentResult result = Runner.Run(e, new RunnerOptions { Threads = 1, Cancellation = cts.Token });
        Assert.True(result.Partial);
        Assert.Contains(result.Notes, n => n.StartsWith("partial", StringComparison.Ordinal));
        PairResult pair = Assert.Single(result.Pairs);
        Assert.Equal(1, pair.RunsCompleted);
        Assert.All(pair.Meters, m => Assert.Equal(1, m.Final.Count));
    }

    private sealed class CancelAt(IBanditPolicy inner, CancellationTokenSource? cts, int round) : IBanditPolicy
    {
        private int _updates;

        public int Arms => inner.Arms;

        public void Reset(ulong seed) => inner.Reset(seed);

        public int Choose() => inner.Choose();

        public void Update(int arm, double reward)
        {
            inner.Update(arm, reward);
            if (++_updates == round)
            {
                cts?.Cancel();
            }
        }
    }

    [Fact]
    public void A_learner_that_chooses_an_invalid_arm_fails_the_run_with_its_name()
    {
        var env = new EnvironmentSetup("b", "bernoulli", [], new BernoulliEnvironment([0.5, 0.5]));
        var bad = new LearnerSetup("broken", "fixed", [], _ => new FixedArm(7));
        var e = new Experiment("bad", 10, 1, 1, [env], [bad], ["pseudo"]);
        var ex = Assert.Throws<InvalidOperationException>(() => Runner.Run(e));
        Assert.Contains("broken", ex.Message, StringComparison.Ordinal);
        Assert.Contains("arm 7", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FixedArm(int arm) : IBanditPolicy
    {
        public int Arms => 2;

        public void Reset(ulong seed)
        {
        }

        public int Choose() => arm;

        public void Update(int a, double reward)
        {
        }
    }
}
