using Hindsight.Bandits.Environments;
using Hindsight.Experts.Policies;

namespace Hindsight.Tests.Experts.Policies;

public class AdaHedgeTests
{
    [Fact]
    public void Regret_stays_under_its_data_dependent_bound()
    {
        // ≤ 2√(L*(T − L*)/T · ln K) + (16/3) ln K + 2 (de Rooij et al. 2014, Theorem 6), L* the best expert's loss.
        const long T = 20_000;
        double logK = Math.Log(100);
        for (long run = 0; run < 3; run++)
        {
            var env = ExpertsPlay.Drifting();
            var (_, regret) = ExpertsPlay.Run(new AdaHedge(100), env, T, run);
            var oracle = env.Start(7, run);
            double best = double.PositiveInfinity;
            for (int i = 0; i < 100; i++)
            {
                double loss = 0;
                for (long t = 1; t <= T; t++)
                {
                    loss += 1 - oracle.Reward(t, i);
                }

                best = Math.Min(best, loss);
            }

            double bound = (2 * Math.Sqrt(best * (T - best) / T * logK)) + (16.0 / 3 * logK) + 2;
            Assert.True(regret[^1] <= bound, $"run {run}: {regret[^1]} > {bound}");
        }
    }

    [Fact]
    public void With_one_perfect_expert_it_follows_the_leader_and_regret_stays_constant()
    {
        // Expert 0 always earns 1, the others 0: L* = 0, so the bound is (16/3) ln K + 2 whatever T.
        var env = new BernoulliEnvironment([1.0, .. Enumerable.Repeat(0.0, 9)]);
        var (_, regret) = ExpertsPlay.Run(new AdaHedge(10), env, 10_000, 0);
        Assert.True(regret[^1] <= (16.0 / 3 * Math.Log(10)) + 2, $"{regret[^1]}");
    }
}
