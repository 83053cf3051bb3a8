using Hindsight.Bandits;
using Hindsight.Bandits.Environments;

namespace Hindsight.Tests.Bandits.Environments;

public class MultiscaleWalkEnvironmentTests
{
    [Fact]
    public void Gap_and_walk_are_tuned_to_the_horizon()
    {
        var env = new MultiscaleWalkEnvironment(4, gapScale: 2);
        env.Prepare(32_000);
        Assert.Equal(2 * Math.Cbrt(4 / 32_000.0), env.Gap, 12);
        Assert.Equal(1 / (9 * Math.Log2(32_000)), env.Sigma, 12);
        Assert.Equal(0, new MultiscaleWalkEnvironment(2, walk: false).Sigma);
    }

    [Fact]
    public void One_arm_leads_by_the_gap_every_round_and_the_walk_follows_the_multiscale_parents()
    {
        var env = new MultiscaleWalkEnvironment(3, gapScale: 1);
        env.Prepare(4096);
        IBanditOracle oracle = env.Start(5, 2);
        int best = Enumerable.Range(0, 3).MaxBy(a => oracle.Mean(1, a));
        double walkSteps = 0;
        for (long t = 1; t <= 4096; t++)
        {
            double other = oracle.Mean(t, (best + 1) % 3);
            Assert.Equal(other, oracle.Mean(t, (best + 2) % 3));
            Assert.Equal(env.Gap, oracle.BestMean(t) - other, 9);
            Assert.Equal(oracle.BestMean(t), oracle.Mean(t, best));

            // Wₜ − W_ρ(t) is one N(0, σ²) step: its mean square over all t estimates σ².
            long parent = t & (t - 1);
            double step = other - (parent == 0 ? 0.5 : oracle.Mean(parent, (best + 1) % 3));
            walkSteps += step * step;
        }

        double ratio = walkSteps / 4096 / (env.Sigma * env.Sigma);
        Assert.InRange(ratio, 0.9, 1.1); // χ²₄₀₉₆/4096: sd 0.022
    }

    [Fact]
    public void Rewards_are_bernoulli_draws_of_the_means()
    {
        var env = new MultiscaleWalkEnvironment(2);
        env.Prepare(20_000);
        IBanditOracle oracle = env.Start(1, 0);
        double sum = 0, means = 0;
        for (long t = 1; t <= 20_000; t++)
        {
            double r = oracle.Reward(t, 0);
            Assert.True(r is 0.0 or 1.0);
            sum += r;
            means += oracle.Mean(t, 0);
        }

        Assert.InRange((sum - means) / Math.Sqrt(20_000 * 0.25), -4, 4);
    }
}
