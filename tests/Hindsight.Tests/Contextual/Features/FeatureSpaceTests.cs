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

    [Fact]
    public void A_namespace_crossed_with_itself_gives_each_unordered_pair_once_as_vw_does()
    {
        // VW without --permutations: for -q aa, the pairs (i, j) with j ≥ i over the features of index 'a' in order
        // (a feature with itself included) — here the action's 'a' (2 features) then the shared 'a2' (1): 3·4/2 = 6.
        var space = new FeatureSpace(12, ["aa"], constant: false);
        var shared = new FeatureSet();
        shared.Namespace("a2").Add("s", 3f);
        var action = new FeatureSet();
        action.Namespace("a").Add("p", 2f);
        action.Namespace("a").Add("q", 5f);
        var example = new CbExample(shared, [action], null, 1);
        var indices = new int[space.MaxCount(example, 0)];
        var values = new float[indices.Length];
        int n = space.Build(example, 0, indices, values);
        Assert.Equal(3 + 6, n);
        float[] products = [.. values.Skip(3).Take(6).Order()]; // the same pairs; only the order of the sum may differ
        Assert.Equal(new[] { 2f * 2f, 2f * 5f, 2f * 3f, 5f * 5f, 5f * 3f, 3f * 3f }.Order(), products);

        var rng = new SeededRandom(4);
        float[] weights = [.. Enumerable.Range(0, 1 << 12).Select(_ => (float)(rng.NextDouble() - 0.5))];
        double dot = 0;
        for (int k = 0; k < n; k++)
        {
            dot += weights[indices[k]] * values[k];
        }

        Assert.Equal(dot, space.Score(example, 0, weights), 4);
    }
}
