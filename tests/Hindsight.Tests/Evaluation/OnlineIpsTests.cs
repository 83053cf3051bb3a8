using Hindsight.Evaluation;

namespace Hindsight.Tests.Evaluation;

public class OnlineIpsTests
{
    [Fact]
    public void Online_equals_the_batch_ips_estimate_and_interval()
    {
        var random = new Random(5);
        var online = new OnlineIps();
        var samples = new List<OffPolicySample>();
        for (int i = 0; i < 5000; i++)
        {
            double reward = random.NextDouble() < 0.3 ? 1 : 0;
            double target = random.Next(4) == 0 ? 1 : 0; // a deterministic target, a uniform logger over 4 actions
            var sample = new OffPolicySample(reward, 0.25, target);
            samples.Add(sample);
            online.Add(sample.Weight * reward);
        }

        OffPolicyEstimate batch = OffPolicyEstimators.Ips([.. samples]);
        OffPolicyEstimate running = online.Estimate();
        Assert.Equal(batch.Samples, running.Samples);
        Assert.Equal(batch.Value, running.Value, 12);
        Assert.Equal(batch.Low, running.Low, 10);
        Assert.Equal(batch.High, running.High, 10);
        Assert.True(running.High - running.Low > 0.01);
    }

    [Fact]
    public void Empty_and_single_estimates_have_no_interval_and_bad_terms_are_refused()
    {
        var online = new OnlineIps();
        Assert.True(double.IsNaN(online.Estimate().Value));
        online.Add(2);
        Assert.Equal(2, online.Estimate().Value);
        Assert.True(double.IsNaN(online.Estimate().Low));
        Assert.Throws<ArgumentOutOfRangeException>(() => online.Add(double.PositiveInfinity));
    }
}
