using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Numerics;

namespace Hindsight.Tests.Evaluation;

public class ReplayTests
{
    private sealed class Always(int action) : IContextualLearner
    {
        public int Learned { get; private set; }

        public void Predict(CbExample example, Span<float> pmf)
        {
            pmf[..example.Actions.Count].Clear();
            pmf[action] = 1;
        }

        public void Learn(CbExample example) => Learned++;
    }

    private static List<CbExample> UniformLog(int n)
    {
        // Two actions logged uniformly; action 0 costs 0 with probability 0.7, action 1 with probability 0.4.
        var rng = new SeededRandom(5);
        var log = new List<CbExample>();
        for (int i = 0; i < n; i++)
        {
            int a = rng.Next(2);
            float cost = rng.NextDouble() < (a == 0 ? 0.7 : 0.4) ? 0f : 1f;
            log.Add(new CbExample(new FeatureSet(), [new FeatureSet(), new FeatureSet()], new CbLabel(a, cost, 0.5f), i + 1));
        }

        return log;
    }

    [Fact]
    public void Replay_of_a_fixed_policy_uses_the_matching_events_and_is_unbiased()
    {
        // Always action 0: accepts the ≈ n/2 events that logged action 0; their mean reward −cost estimates −0.3.
        var policy = new Always(0);
        OffPolicyEstimate e = Replay.Evaluate(UniformLog(20_000), policy);
        Assert.InRange(e.Samples, 9_500, 10_500);
        Assert.Equal(e.Samples, policy.Learned);
        Assert.True(e.Contains(-0.3), $"{e.Value} [{e.Low}, {e.High}]");
    }

    [Fact]
    public void Replay_refuses_a_log_that_is_not_uniform()
    {
        var log = new List<CbExample> { new(new FeatureSet(), [new FeatureSet(), new FeatureSet()], new CbLabel(0, 0, 0.9f), 7) };
        Assert.Contains("line 7", Assert.Throws<ArgumentException>(() => Replay.Evaluate(log, new Always(0))).Message, StringComparison.Ordinal);
    }
}
