using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Bandits.Policies;

namespace Hindsight.Tests.Bandits.Policies;

public class AppleTastingTests
{
    [Fact]
    public void Looks_only_after_tasting_and_tastes_at_least_gamma_of_the_time()
    {
        const long T = 20_000;
        var env = new BernoulliEnvironment([0.9, 0.2, 0.3]); // rejecting is best: the learner would like never to taste
        var policy = new AppleTasting(3);
        policy.Prepare(T);
        policy.Reset(5);
        IBanditOracle oracle = env.Start(1, 0);
        var channel = new ObservationChannel(oracle, policy.ObservationBudget);
        long tastes = 0;
        for (long t = 1; t <= T; t++)
        {
            Assert.True(1 - policy.Probability(0) >= policy.Gamma - 1e-12);
            int arm = policy.Choose();
            policy.Update(arm, oracle.Reward(t, arm));
            long before = channel.Used;
            channel.Begin(t);
            policy.Observe(channel);
            Assert.Equal(arm == 0 ? 0 : 2, channel.Used - before); // nothing after a reject, the two other arms after a taste
            tastes += arm == 0 ? 0 : 1;
        }

        // Tasting costs regret: it happens about γT times once the weights settle on rejecting (γ = (3 ln 3/T)^(1/3)).
        Assert.InRange(tastes, policy.Gamma * T * 0.8, policy.Gamma * T * 3);
    }
}
