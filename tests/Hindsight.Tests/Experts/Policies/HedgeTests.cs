using Hindsight.Experts.Policies;

namespace Hindsight.Tests.Experts.Policies;

public class HedgeTests
{
    [Fact]
    public void Tuned_hedge_with_100_experts_stays_under_its_bound_at_every_checkpoint()
    {
        // Issue 4's bar: regret ≤ √(T ln K / 2) at every checkpoint (Cesa-Bianchi and Lugosi, Theorem 2.2), every run.
        const long T = 20_000;
        double bound = Math.Sqrt(T * Math.Log(100) / 2);
        for (long run = 0; run < 5; run++)
        {
            var (checkpoints, regret) = ExpertsPlay.Run(new Hedge(100), ExpertsPlay.Drifting(), T, run);
            for (int c = 0; c < checkpoints.Length; c++)
            {
                Assert.True(regret[c] <= bound, $"run {run}, t = {checkpoints[c]}: regret {regret[c]} > {bound}");
            }

            Assert.True(regret[^1] > 0.1 * bound, "the sequence is not trivial for Hedge");
        }
    }

    [Fact]
    public void The_distribution_is_the_exponential_weights_of_the_cumulative_losses()
    {
        var hedge = new Hedge(2, eta: 1);
        hedge.Reset(0);
        double[] p = new double[2];
        hedge.Distribution(p);
        Assert.Equal([0.5, 0.5], p);
        hedge.Observe([1.0, 0.0]); // losses (0, 1)
        hedge.Distribution(p);
        double z = 1 + Math.Exp(-1);
        Assert.Equal(1 / z, p[0], 12);
        Assert.Equal(Math.Exp(-1) / z, p[1], 12);
    }

    [Fact]
    public void The_rate_is_tuned_to_the_horizon_unless_given()
    {
        var tuned = new Hedge(10);
        tuned.Prepare(1000);
        Assert.Equal(Math.Sqrt(8 * Math.Log(10) / 1000), tuned.LearningRate, 12);
        var fixedRate = new Hedge(10, eta: 0.3);
        fixedRate.Prepare(1000);
        Assert.Equal(0.3, fixedRate.LearningRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Hedge(10, eta: -1));
    }

    [Fact]
    public void A_prior_sets_the_first_distribution_and_then_multiplies_the_weights()
    {
        var hedge = new Hedge(3, eta: 0.5, prior: [2, 1, 1]);
        hedge.Reset(1);
        double[] p = new double[3];
        hedge.Distribution(p);
        Assert.Equal([0.5, 0.25, 0.25], p.Select(v => Math.Round(v, 12)));
        hedge.Observe([0, 1, 0]); // losses 1, 0, 1
        hedge.Distribution(p);
        double w0 = 2 * Math.Exp(-0.5), w1 = 1, w2 = Math.Exp(-0.5);
        Assert.Equal(w0 / (w0 + w1 + w2), p[0], 12);
        Assert.Equal(w1 / (w0 + w1 + w2), p[1], 12);
        Assert.Throws<ArgumentException>(() => new Hedge(3, prior: [1, 0, 1]));
        Assert.Throws<ArgumentException>(() => new Hedge(3, prior: [1, 1]));
    }
}
