using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;

namespace Hindsight.Tests.Evaluation;

public class ProgressiveValidationTests
{
    private sealed class FixedPolicy(float[] pmf) : IContextualLearner
    {
        public int Learned { get; private set; }

        public void Predict(CbExample example, Span<float> output) => pmf.CopyTo(output);

        public void Learn(CbExample example) => Learned++;
    }

    private static CbExample Example(int action, float cost, float probability)
        => new(new FeatureSet(), [new FeatureSet(), new FeatureSet()], new CbLabel(action, cost, probability), 1);

    [Fact]
    public void Loss_is_the_ips_estimate_of_the_policy_cost_on_a_hand_computed_log()
    {
        // Policy (0.8, 0.2). Log: (a=0, c=1, p=0.5) → 0.8·1/0.5 = 1.6; (a=1, c=1, p=0.5) → 0.2·1/0.5 = 0.4;
        // (a=0, c=0, p=0.5) → 0. Average 2.0 / 3.
        var policy = new FixedPolicy([0.8f, 0.2f]);
        var (n, loss) = ProgressiveValidation.Run([Example(0, 1, 0.5f), Example(1, 1, 0.5f), Example(0, 0, 0.5f)], policy);
        Assert.Equal(3, n);
        Assert.Equal(2.0 / 3, loss, 6);
        Assert.Equal(3, policy.Learned);
    }
}
