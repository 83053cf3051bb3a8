using Hindsight.Bandits;
using Hindsight.Contextual;
using Hindsight.Contextual.Environments;

namespace Hindsight.Tests.Contextual.Environments;

public class LinearContextualEnvironmentTests
{
    [Fact]
    public void Contexts_have_unit_length_and_means_are_bounded_dot_products()
    {
        var env = new LinearContextualEnvironment(5, 10, noise: 0);
        IBanditOracle oracle = env.Start(1, 0);
        var contexts = (IContextProvider)oracle;
        Span<double> x = stackalloc double[10];
        for (long t = 1; t <= 500; t++)
        {
            contexts.Context(t, x);
            double norm = 0;
            foreach (double v in x)
            {
                norm += v * v;
            }

            Assert.Equal(1.0, norm, 12);
            double best = double.NegativeInfinity;
            for (int a = 0; a < 5; a++)
            {
                Assert.InRange(oracle.Mean(t, a), -1.0, 1.0);
                Assert.Equal(oracle.Mean(t, a), oracle.Reward(t, a), 12); // σ = 0: the reward is the mean
                best = Math.Max(best, oracle.Mean(t, a));
            }

            Assert.Equal(best, oracle.BestMean(t));
        }
    }

    [Fact]
    public void The_same_seed_and_run_give_the_same_contexts_and_rewards()
    {
        var env = new LinearContextualEnvironment(3, 4, noise: 0.5);
        IBanditOracle a = env.Start(7, 2), b = env.Start(7, 2), c = env.Start(7, 3);
        Assert.Equal(a.Reward(10, 1), b.Reward(10, 1));
        Assert.NotEqual(a.Reward(10, 1), c.Reward(10, 1));
    }

    [Fact]
    public void Logistic_rewards_are_bernoulli_with_the_sigmoid_mean()
    {
        var env = new LinearContextualEnvironment(2, 3, logisticScale: 3);
        IBanditOracle oracle = env.Start(4, 0);
        double rewards = 0, means = 0;
        const int n = 50_000;
        for (long t = 1; t <= n; t++)
        {
            double r = oracle.Reward(t, 0);
            Assert.True(r is 0.0 or 1.0);
            rewards += r;
            means += oracle.Mean(t, 0);
        }

        Assert.InRange(rewards - means, -5 * Math.Sqrt(n / 4.0), 5 * Math.Sqrt(n / 4.0));
    }
}
