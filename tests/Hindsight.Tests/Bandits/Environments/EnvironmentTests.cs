using Hindsight.Bandits;
using Hindsight.Bandits.Environments;

namespace Hindsight.Tests.Bandits.Environments;

public class EnvironmentTests
{
    private static double EmpiricalMean(IBanditOracle oracle, int arm, int rounds)
    {
        double sum = 0;
        for (int t = 1; t <= rounds; t++)
        {
            sum += oracle.Reward(t, arm);
        }

        return sum / rounds;
    }

    [Fact]
    public void Bernoulli_rewards_have_the_given_means()
    {
        var env = new BernoulliEnvironment([0.1, 0.5, 0.97]);
        IBanditOracle oracle = env.Start(1, 0);
        const int n = 200_000;
        foreach (int a in new[] { 0, 1, 2 })
        {
            double mu = env.Means[a];
            double se = Math.Sqrt(mu * (1 - mu) / n);
            Assert.InRange(EmpiricalMean(oracle, a, n), mu - (5 * se), mu + (5 * se));
            Assert.Equal(mu, oracle.Mean(123, a));
        }

        Assert.Equal(0.97, oracle.BestMean(5));
    }

    [Fact]
    public void Common_random_numbers_same_seed_and_run_give_the_same_rewards()
    {
        var env = new BernoulliEnvironment([0.3, 0.6]);
        IBanditOracle a = env.Start(9, 4), b = env.Start(9, 4), other = env.Start(9, 5);
        var ra = Enumerable.Range(1, 500).Select(t => a.Reward(t, t % 2)).ToArray();
        var rb = Enumerable.Range(1, 500).Reverse().Select(t => b.Reward(t, t % 2)).Reverse().ToArray();
        var ro = Enumerable.Range(1, 500).Select(t => other.Reward(t, t % 2)).ToArray();
        Assert.Equal(ra, rb);
        Assert.NotEqual(ra, ro);
    }

    [Fact]
    public void Gaussian_rewards_have_per_arm_means_and_deviations()
    {
        var env = new GaussianEnvironment([0.0, 2.0], [1.0, 0.1]);
        IBanditOracle oracle = env.Start(2, 0);
        const int n = 100_000;
        Assert.InRange(EmpiricalMean(oracle, 0, n), -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        double[] arm1 = [.. Enumerable.Range(1, n).Select(t => oracle.Reward(t, 1))];
        double mean = arm1.Average();
        double sd = Math.Sqrt(arm1.Select(x => (x - mean) * (x - mean)).Sum() / (n - 1));
        Assert.InRange(mean, 2 - (5 * 0.1 / Math.Sqrt(n)), 2 + (5 * 0.1 / Math.Sqrt(n)));
        Assert.InRange(sd, 0.1 * 0.98, 0.1 * 1.02);
    }

    [Fact]
    public void Beta_rewards_lie_in_the_unit_interval_with_mean_alpha_over_alpha_plus_beta()
    {
        var env = new BetaEnvironment([2.0, 1.0], [5.0, 1.0]);
        IBanditOracle oracle = env.Start(3, 0);
        const int n = 100_000;
        double[] draws = [.. Enumerable.Range(1, n).Select(t => oracle.Reward(t, 0))];
        Assert.All(draws, x => Assert.InRange(x, 0.0, 1.0));
        double sd = Math.Sqrt(2.0 * 5 / (49 * 8));
        Assert.InRange(draws.Average(), (2.0 / 7) - (5 * sd / Math.Sqrt(n)), (2.0 / 7) + (5 * sd / Math.Sqrt(n)));
        Assert.Equal(oracle.Reward(17, 1), oracle.Reward(17, 1));
        Assert.Equal(0.5, oracle.Mean(1, 1));
    }

    [Fact]
    public void Piecewise_means_jump_at_change_points()
    {
        var env = new PiecewiseStationaryEnvironment([100, 250], [[0.9, 0.1], [0.2, 0.8], [0.5, 0.6]]);
        IBanditOracle oracle = env.Start(1, 0);
        Assert.Equal(0.9, oracle.Mean(99, 0));
        Assert.Equal(0.2, oracle.Mean(100, 0));
        Assert.Equal(0.8, oracle.BestMean(249));
        Assert.Equal(0.6, oracle.BestMean(250));
        Assert.Equal(0.5, oracle.Mean(100_000, 0));
        Assert.False(oracle.IsStationary);
    }

    [Fact]
    public void Switching_best_arm_is_constant_within_a_block_and_uniform_across_blocks()
    {
        var env = new SwitchingEnvironment(4, 10, 0.8, 0.2);
        IBanditOracle oracle = env.Start(5, 0);
        var counts = new int[4];
        for (long block = 0; block < 4000; block++)
        {
            int best = Enumerable.Range(0, 4).Single(a => oracle.Mean((block * 10) + 1, a) == 0.8);
            for (long t = (block * 10) + 1; t <= (block + 1) * 10; t++)
            {
                Assert.Equal(0.8, oracle.Mean(t, best));
            }

            counts[best]++;
        }

        // Each arm is best in 1000 ± 5·√(4000·¼·¾) blocks.
        Assert.All(counts, c => Assert.InRange(c, 1000 - 137, 1000 + 137));
    }

    [Fact]
    public void Stochastically_constrained_gap_is_constant_while_levels_move()
    {
        var env = new StochasticallyConstrainedEnvironment(5, 0.1, 2, 0.3, 0.9, 1.6);
        IBanditOracle oracle = env.Start(1, 0);
        var levels = new HashSet<double>();
        for (long t = 1; t <= 100_000; t += 7)
        {
            levels.Add(oracle.BestMean(t));
            Assert.Equal(oracle.BestMean(t), oracle.Mean(t, 2));
            Assert.Equal(0.1, oracle.Mean(t, 2) - oracle.Mean(t, 0), 12);
        }

        Assert.Equal(new HashSet<double> { 0.3, 0.9 }, levels);
    }

    [Fact]
    public void Table_reads_a_csv_with_a_header_and_reports_bad_cells_with_line_and_column()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string good = Path.Combine(dir, "good.csv");
        File.WriteAllText(good, "a,b\n1,0\n0.25,0.75\n");
        var env = RewardTableEnvironment.FromCsv(good);
        IBanditOracle oracle = env.Start(1, 0);
        Assert.Equal(2, env.Arms);
        Assert.Equal(2, env.MaxHorizon);
        Assert.Equal(0.75, oracle.Reward(2, 1));
        Assert.Equal(1.0, oracle.BestMean(1));

        string bad = Path.Combine(dir, "bad.csv");
        File.WriteAllText(bad, "1,0\n0.5,x\n");
        var ex = Assert.Throws<FormatException>(() => RewardTableEnvironment.FromCsv(bad));
        Assert.Contains("bad.csv:2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("column 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bernoulli_rejects_a_mean_outside_the_unit_interval()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new BernoulliEnvironment([0.5, 1.2]));
}
