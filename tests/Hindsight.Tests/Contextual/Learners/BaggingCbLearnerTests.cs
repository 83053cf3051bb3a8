using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;

namespace Hindsight.Tests.Contextual.Learners;

public class BaggingCbLearnerTests
{
    [Fact]
    public void Votes_make_an_exact_probability_vector()
    {
        // Ten untrained bags all vote for action 0 (ties go to the lowest action): probability exactly 1, others 0.
        var space = new FeatureSpace(8);
        var learner = new BaggingCbLearner([.. Enumerable.Range(0, 10).Select(_ => new CostRegressor(space))]);
        var example = new CbExample(new FeatureSet(), [new FeatureSet(), new FeatureSet(), new FeatureSet()], null, 1);
        var pmf = new float[3];
        learner.Predict(example, pmf);
        Assert.Equal([1f, 0f, 0f], pmf);
    }
}
