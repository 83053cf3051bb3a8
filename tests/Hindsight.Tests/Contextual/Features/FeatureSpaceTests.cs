using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Numerics;

namespace Hindsight.Tests.Contextual.Features;

public class FeatureSpaceTests
{
    [Fact]
    public void Fused_score_equals_the_dot_product_of_the_built_features()
    {
        // Score generates the features while scoring (the prediction hot path); Build stores them (the learning path).
        // Both must describe the same vector: shared + action + s×a and a×s interactions + constant.
        var rng = new SeededRandom(2);
        var space = new FeatureSpace(12, ["sa", "as"]);
        float[] weights = [.. Enumerable.Range(0, 1 << 12).Select(_ => (float)(rng.NextDouble() - 0.5))];
        for (int trial = 0; trial < 50; trial++)
        {
            var shared = new FeatureSet();
            for (int i = 0; i < 1 + rng.Next(6); i++)
            {
                shared.Namespace("s").Add($"x{rng.Next(20)}", (float)rng.NextDouble());
            }

            var action = new FeatureSet();
            for (int i = 0; i < 1 + rng.Next(4); i++)
            {
                action.Namespace("a").Add($"z{rng.Next(20)}", (float)(rng.NextDouble() - 0.5));
            }

            action.Namespace("b").Add("other", 2f); // a namespace no interaction names
            var example = new CbExample(shared, [action], null, 1);
            int max = space.MaxCount(example, 0);
            var indices = new int[max];
            var values = new float[max];
            int n = space.Build(example, 0, indices, values);
            double dot = 0;
            for (int k = 0; k < n; k++)
            {
                dot += weights[indices[k]] * values[k];
            }

            Assert.Equal(dot, space.Score(example, 0, weights), 4);
            Assert.Equal(action.Count + shared.Count + (2 * shared.Count * action.Namespace("a").Count) + 1, n);
        }
    }
}
