using Hindsight.Contextual;
using Hindsight.Contextual.Environments;

namespace Hindsight.Tests.Contextual.Environments;

public class QuadraticContextualEnvironmentTests
{
    [Fact]
    public void One_arm_per_round_is_the_class_and_rewards_follow_the_noise()
    {
        var env = new QuadraticContextualEnvironment(3, 4, 0.1);
        var oracle = env.Start(1, 0);
        var provider = (IContextProvider)oracle;
        double[] x = new double[4];
        int correctRewards = 0, otherRewards = 0;
        const int Rounds = 20_000;
        for (long t = 1; t <= Rounds; t++)
        {
            provider.Context(t, x);
            Assert.Equal(1.0, x.Sum(v => v * v), 9);
            int[] classes = [.. Enumerable.Range(0, 3).Where(a => oracle.Mean(t, a) == 0.9)];
            Assert.Single(classes);
            Assert.Equal(0.9, oracle.BestMean(t));
            correctRewards += (int)oracle.Reward(t, classes[0]);
            otherRewards += (int)oracle.Reward(t, (classes[0] + 1) % 3);
        }

        // Binomial(20000, p): sd ≤ 0.0022; 5 sd.
        Assert.InRange(correctRewards / (double)Rounds, 0.9 - 0.011, 0.9 + 0.011);
        Assert.InRange(otherRewards / (double)Rounds, 0.1 - 0.011, 0.1 + 0.011);
    }

    [Fact]
    public void The_class_is_symmetric_under_negating_the_context()
    {
        // (θ·x)² = (θ·(−x))²: what makes the classes invisible to linear scores. Checked through the public surface:
        // class frequencies of the two half-spaces x₀ > 0 and x₀ < 0 agree.
        var oracle = new QuadraticContextualEnvironment(2, 3).Start(2, 0);
        var provider = (IContextProvider)oracle;
        double[] x = new double[3];
        int[,] counts = new int[2, 2];
        for (long t = 1; t <= 40_000; t++)
        {
            provider.Context(t, x);
            counts[x[0] > 0 ? 1 : 0, oracle.Mean(t, 0) == 1 ? 0 : 1]++;
        }

        double p0 = counts[0, 0] / (double)(counts[0, 0] + counts[0, 1]);
        double p1 = counts[1, 0] / (double)(counts[1, 0] + counts[1, 1]);
        Assert.InRange(p0 - p1, -0.02, 0.02); // each ~20000 draws: sd of the difference ≤ 0.005
    }
}
