using Hindsight.Bandits.Environments;
using Hindsight.Bandits.Policies;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Tests.Bandits.Policies;

public class DelayedFeedbackTests
{
    private static double Regret(Func<Hindsight.Bandits.IBanditPolicy> create, long run)
    {
        var env = new BernoulliEnvironment([0.7, 0.6, 0.5, 0.4, 0.3]);
        long[] checkpoints = [20_000];
        double[] record = new double[1];
        var policy = create();
        policy.Reset(Runner.LearnerSeed(5, run, "delayed"));
        Assert.True(Runner.Play(policy, env.Start(5, run), [new PseudoRegretMeter()], 20_000, checkpoints, record, CancellationToken.None));
        return record[0];
    }

    [Fact]
    public void Rewards_arrive_exactly_d_rounds_late()
    {
        var recorder = new Recorder();
        var delayed = new DelayedFeedback(recorder, 3);
        delayed.Reset(0);
        for (int t = 1; t <= 6; t++)
        {
            delayed.Choose();
            delayed.Update(0, t);
        }

        // Round t's reward (t) reaches the learner at the start of round t + 1 + 3: rounds 5 and 6 delivered 1 and 2.
        Assert.Equal([1.0, 2.0], recorder.Rewards);
        Assert.Equal(4, delayed.Pending);
    }

    [Fact]
    public void Delay_costs_at_most_an_additive_term_of_order_d_times_the_gaps()
    {
        // UCB1, 5 Bernoulli arms (gaps sum 1.0), T = 20 000, mean of 3 runs: regret with delays stays within the undelayed
        // regret + 2 (τmax + 1) Σ Δ — each arm can be pulled about τmax extra times while its rewards are in flight
        // (Joulani et al. 2013's additive penalty, with τmax = d fixed or 2d random).
        double baseline = Enumerable.Range(0, 3).Average(r => Regret(() => new Ucb1Like(), r));
        foreach (int d in new[] { 10, 100 })
        {
            double fixedDelay = Enumerable.Range(0, 3).Average(r => Regret(() => new DelayedFeedback(new Ucb1Like(), d), r));
            double randomDelay = Enumerable.Range(0, 3).Average(r => Regret(() => new DelayedFeedback(new Ucb1Like(), d, random: true), r));
            Assert.True(fixedDelay <= baseline + (2 * (d + 1) * 1.0), $"d = {d}: {fixedDelay} vs {baseline}");
            Assert.True(randomDelay <= baseline + (2 * ((2 * d) + 1) * 1.0), $"d = {d}, random: {randomDelay} vs {baseline}");
            Assert.True(fixedDelay >= baseline - 20, $"d = {d}: a delay should not help much ({fixedDelay} vs {baseline})");
        }
    }

    private sealed class Ucb1Like : Hindsight.Bandits.IBanditPolicy
    {
        private readonly Hindsight.Bandits.IBanditPolicy _inner = Hindsight.Specs.Registry.CreateLearner("ucb1", 5);

        public int Arms => 5;

        public void Reset(ulong seed) => _inner.Reset(seed);

        public int Choose() => _inner.Choose();

        public void Update(int arm, double reward) => _inner.Update(arm, reward);
    }

    private sealed class Recorder : Hindsight.Bandits.IBanditPolicy
    {
        public List<double> Rewards { get; } = [];

        public int Arms => 1;

        public void Reset(ulong seed) => Rewards.Clear();

        public int Choose() => 0;

        public void Update(int arm, double reward) => Rewards.Add(reward);
    }
}
