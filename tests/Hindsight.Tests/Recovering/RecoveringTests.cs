using Hindsight.Recovering;

namespace Hindsight.Tests.Recovering;

/// <summary>"Offline Planning and Online Learning under Recovering Rewards" (Simchi-Levi, Zheng and Zhu): purely periodic
/// policies plan well offline; periodic planning on optimistic curves learns online and beats plain UCB.</summary>
public class RecoveringTests
{
    // Three arms pay well rested but recover slowly; three pay little but recover at once (rate 0). K = 2 of N = 6.
    internal static readonly RecoveringBandit Bandit = new([0.95, 0.9, 0.85, 0.45, 0.4, 0.35], [0.85, 0.8, 0.75, 0.0, 0.0, 0.0], pulls: 2, maxIdle: 8);

    [Fact]
    public void The_periodic_plan_is_near_the_best_power_of_two_plan_and_delivers_its_rate()
    {
        var small = new RecoveringBandit([0.9, 0.7, 0.6, 0.3], [0.8, 0.6, 0.3, 0.1], pulls: 1, maxIdle: 8);
        PeriodicSchedule plan = PeriodicSchedule.Plan(small.Arms, small.Pulls, small.MaxIdle, small.Mean);

        // Brute force over periods {never, 1, 2, 4, 8, 16} within capacity Σ 1/p ≤ K.
        int[] choices = [0, 1, 2, 4, 8, 16];
        double best = 0;
        for (int code = 0; code < 1296; code++)
        {
            int[] p = [choices[code % 6], choices[code / 6 % 6], choices[code / 36 % 6], choices[code / 216 % 6]];
            if (p.Sum(x => x > 0 ? 1.0 / x : 0) <= small.Pulls)
            {
                best = Math.Max(best, Enumerable.Range(0, 4).Sum(i => p[i] > 0 ? small.Mean(i, p[i]) / p[i] : 0));
            }
        }

        double rate = plan.Rate(small.Mean);
        Assert.True(rate >= 0.95 * best, $"planned {rate}, best {best}");

        // Followed for 40 000 periods on the bandit, it earns its planned rate (only the first pulls differ).
        const long T = 40_000;
        double earned = RecoveringRun.Total(small, new PurelyPeriodicPolicy(small), T, seed: 1, run: 0) / T;
        Assert.InRange(earned, rate - (4 * Math.Sqrt(0.25 / T)) - 0.001, rate + (4 * Math.Sqrt(0.25 / T)) + 0.001);
    }

    [Fact]
    public void The_offline_benchmark_beats_pulling_a_fixed_set_and_round_robin()
    {
        double rate = new PurelyPeriodicPolicy(Bandit).Schedule.Rate(Bandit.Mean);
        double fixedSet = Enumerable.Range(0, Bandit.Arms).Select(i => Bandit.Mean(i, 1)).OrderDescending().Take(Bandit.Pulls).Sum();
        double roundRobin = Enumerable.Range(0, Bandit.Arms).Sum(i => Bandit.Mean(i, Bandit.Arms / Bandit.Pulls)) * Bandit.Pulls / Bandit.Arms;
        Assert.True(rate > 1.1 * fixedSet, $"{rate} vs {fixedSet}");
        Assert.True(rate > 1.1 * roundRobin, $"{rate} vs {roundRobin}");
    }

    [Fact]
    public void Periodic_ucb_beats_plain_ucb_and_its_regret_is_sublinear()
    {
        double Regret(Func<IRecoveringPolicy> policy, long t) => Enumerable.Range(0, 3).Average(r => RecoveringRun.Regret(Bandit, policy(), t, seed: 5, run: r));
        IRecoveringPolicy Periodic() => new PeriodicUcb(Bandit.Arms, Bandit.Pulls, Bandit.MaxIdle);
        IRecoveringPolicy Plain() => new TopUcbRecovering(Bandit.Arms, Bandit.Pulls);

        double periodicShort = Regret(Periodic, 5_000), periodicLong = Regret(Periodic, 80_000);
        double plainLong = Regret(Plain, 80_000);
        Assert.True(periodicLong < 0.5 * plainLong, $"periodic+UCB {periodicLong}, UCB {plainLong}");
        Assert.True(plainLong > 0.05 * 80_000, $"plain UCB's regret is linear: {plainLong}");
        Assert.True(periodicLong / 80_000 < 0.5 * periodicShort / 5_000, $"regret per period {periodicShort / 5_000} then {periodicLong / 80_000}");
    }

    [Fact]
    public void Random_schedules_fit_the_capacity_and_pull_each_arm_once_a_period()
    {
        var rng = new Random(4);
        for (int trial = 0; trial < 50; trial++)
        {
            int arms = rng.Next(2, 12), pulls = rng.Next(1, 4), maxIdle = rng.Next(1, 10);
            double[] scales = [.. Enumerable.Range(0, arms).Select(_ => rng.NextDouble())];
            double[] rates = [.. Enumerable.Range(0, arms).Select(_ => rng.NextDouble() * 0.95)];
            var bandit = new RecoveringBandit(scales, rates, Math.Min(pulls, arms), maxIdle);
            PeriodicSchedule plan = new PurelyPeriodicPolicy(bandit).Schedule;
            Assert.True(plan.Periods.Sum(p => p > 0 ? 1.0 / p : 0) <= bandit.Pulls + 1e-12);
            int horizon = 2 * Math.Max(1, plan.Periods.Max());
            var due = new int[bandit.Pulls];
            var seen = new int[arms];
            for (int t = 0; t < horizon; t++)
            {
                int count = plan.Due(t, due); // Due writes at most K arms: the span would overflow otherwise
                foreach (int arm in due.AsSpan(0, count))
                {
                    seen[arm]++;
                }
            }

            for (int i = 0; i < arms; i++)
            {
                Assert.Equal(plan.Periods[i] > 0 ? horizon / plan.Periods[i] : 0, seen[i]);
            }
        }
    }

    [Fact]
    public void Bad_plays_are_refused()
    {
        RecoveringState state = Bandit.Start(1, 0);
        var rewards = new double[3];
        Assert.Contains("K = 2", Assert.Throws<ArgumentException>(() => state.Play([0, 1, 2], rewards)).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => state.Play([1, 1], rewards)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecoveringBandit([0.5], [0.5], pulls: 2, maxIdle: 3));
    }
}
