using Hindsight.Evaluation;

namespace Hindsight.Tests.Evaluation;

public class OffPolicyEstimatorTests
{
    // A hand-computed log of four decisions (reward, μ(a), π(a), q̂(a), Σ π q̂):
    //  1: r=1, μ=0.5, π=1.0, q̂=0.6, V=0.7 → w=2
    //  2: r=0, μ=0.5, π=0.0, q̂=0.2, V=0.4 → w=0
    //  3: r=1, μ=0.25, π=0.5, q̂=0.5, V=0.5 → w=2
    //  4: r=0, μ=0.25, π=0.25, q̂=0.4, V=0.3 → w=1
    private static readonly OffPolicySample[] Log =
    [
        new(1, 0.5, 1.0, 0.6, 0.7),
        new(0, 0.5, 0.0, 0.2, 0.4),
        new(1, 0.25, 0.5, 0.5, 0.5),
        new(0, 0.25, 0.25, 0.4, 0.3),
    ];

    [Fact]
    public void Ips_is_the_mean_of_weighted_rewards()
    {
        // (2 + 0 + 2 + 0) / 4 = 1; terms 2, 0, 2, 0 have sd √(4/3); t(0.975, 3) = 3.182446.
        OffPolicyEstimate e = OffPolicyEstimators.Ips(Log);
        Assert.Equal(1.0, e.Value, 12);
        double half = 3.182446305284263 * Math.Sqrt(4.0 / 3) / 2;
        Assert.Equal(1.0 - half, e.Low, 6);
        Assert.Equal(1.0 + half, e.High, 6);
        Assert.Equal(4, e.Samples);
    }

    [Fact]
    public void Snips_normalizes_by_the_sum_of_weights()
    {
        // Σ w r = 4, Σ w = 5 → 0.8. Delta method: Σ (w (r − 0.8))² = 0.16 + 0 + 0.16 + 0.64 = 0.96;
        // half-width = t · √(0.96 · 4/3) / 5.
        OffPolicyEstimate e = OffPolicyEstimators.Snips(Log);
        Assert.Equal(0.8, e.Value, 12);
        Assert.Equal(3.182446305284263 * Math.Sqrt(0.96 * 4 / 3) / 5, e.High - e.Value, 6);
    }

    [Fact]
    public void Dm_and_dr_combine_the_model_and_the_correction()
    {
        // DM = mean V = (0.7 + 0.4 + 0.5 + 0.3) / 4 = 0.475.
        // DR terms: 0.7 + 2(1 − 0.6) = 1.5; 0.4 + 0 = 0.4; 0.5 + 2(1 − 0.5) = 1.5; 0.3 + 1(0 − 0.4) = −0.1 → mean 0.825.
        Assert.Equal(0.475, OffPolicyEstimators.Dm(Log).Value, 12);
        Assert.Equal(0.825, OffPolicyEstimators.Dr(Log).Value, 12);
        Assert.Equal(0.825, OffPolicyEstimators.Estimate("dr", Log).Value, 12);
    }

    [Fact]
    public void Undefined_estimates_are_nan_not_a_zero_width_interval()
    {
        // A target that never takes the logged actions: Σw = 0, SNIPS is undefined; no samples at all: IPS undefined.
        OffPolicySample[] never = [new(1, 0.5, 0), new(0, 0.5, 0)];
        Assert.False(OffPolicyEstimators.Snips(never).Defined);
        Assert.False(OffPolicyEstimators.Ips([]).Defined);
        OffPolicyEstimate one = OffPolicyEstimators.Ips([new(1, 0.5, 0.5)]);
        Assert.Equal(1.0, one.Value);
        Assert.True(double.IsNaN(one.Low));
        Assert.False(one.Contains(1.0));
    }

    [Fact]
    public void On_policy_data_makes_every_importance_estimator_the_sample_mean()
    {
        OffPolicySample[] same = [new(1, 0.3, 0.3), new(0, 0.7, 0.7), new(1, 0.3, 0.3)];
        Assert.Equal(2.0 / 3, OffPolicyEstimators.Ips(same).Value, 12);
        Assert.Equal(2.0 / 3, OffPolicyEstimators.Snips(same).Value, 12);
    }

    [Fact]
    public void Bts_action_distribution_is_a_distribution_per_slot_and_follows_the_priors()
    {
        // Item 0 has Beta(900, 100) (mean 0.9) against Beta(1, 9) items: it is almost always first.
        double[,] pi = BernoulliThompsonRanking.ActionDistribution([900, 1, 1, 1], [100, 9, 9, 9], 3, 20_000);
        for (int slot = 0; slot < 3; slot++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, 4).Sum(k => pi[k, slot]), 9);
        }

        Assert.True(pi[0, 0] > 0.999);
        Assert.InRange(pi[1, 1], 1.0 / 3 - 0.02, 1.0 / 3 + 0.02); // the three identical items share slots 2 and 3
    }
}
