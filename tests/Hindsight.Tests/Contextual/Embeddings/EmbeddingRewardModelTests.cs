using Hindsight.Contextual.Embeddings;

namespace Hindsight.Tests.Contextual.Embeddings;

public class EmbeddingRewardModelTests
{
    /// <summary>
    /// Users and items fall in two hidden groups; a user likes (reward 1) the items of its own group only. Trained online
    /// on half of the user–item pairs, the embeddings predict the other half — pairs never seen together — because they
    /// learn the groups (the low-rank structure matrix factorization assumes). A table of one weight per hashed
    /// user–item pair, the alternative without embeddings, knows nothing of an unseen pair.
    /// </summary>
    [Theory]
    [InlineData(1f)]
    [InlineData(1000f)] // standardized targets: the same steps whatever the rewards' scale
    public void Online_embeddings_predict_user_item_pairs_never_seen_together(float scale)
    {
        const int users = 40, items = 40;
        var model = new EmbeddingRewardModel(new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 4, MinCount: 2), seed: 1), learningRate: 0.05f);
        var rng = new Random(7);
        bool Likes(int u, int i) => u % 2 == i % 2;
        var pairs = (from u in Enumerable.Range(0, users) from i in Enumerable.Range(0, items) select (u, i)).ToList();
        var seen = pairs.Where(_ => rng.Next(2) == 0).ToHashSet();
        var unseen = pairs.Where(p => !seen.Contains(p)).ToList();
        var stream = seen.ToList();
        long time = 0;
        for (int epoch = 0; epoch < 60; epoch++)
        {
            foreach ((int u, int i) in stream.OrderBy(_ => rng.Next()))
            {
                model.Learn($"User:{u}", $"Item:{i}", Likes(u, i) ? scale : 0f, time++);
            }
        }

        Assert.Equal(0.5 * scale, model.MeanReward, 0.05 * scale);
        Assert.Equal(0.5 * scale, model.RewardScale, 0.05 * scale);
        int right = unseen.Count(p => model.MeanReward + (model.RewardScale * model.Predict($"User:{p.u}", $"Item:{p.i}", time)) > 0.5 * scale == Likes(p.u, p.i));
        Assert.True(right > 0.95 * unseen.Count, $"{right} of {unseen.Count} unseen pairs on the right side of 0.5");
        Assert.Equal(0f, model.Predict("User:0", "Item:unknown", time)); // no embedding: no opinion
    }

    [Fact]
    public void Huge_or_wild_rewards_never_overflow_the_embeddings()
    {
        var model = new EmbeddingRewardModel(new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 16, MinCount: 1, InitScale: 1f)), learningRate: 1f);
        var rng = new Random(3);
        for (int t = 0; t < 5000; t++)
        {
            float reward = rng.Next(3) switch { 0 => 0f, 1 => 1e6f, _ => (float)((rng.NextDouble() - 0.5) * 2e6) };
            model.Learn($"u{rng.Next(5)}", $"i{rng.Next(5)}", reward, t);
        }

        for (int u = 0; u < 5; u++)
        {
            for (int i = 0; i < 5; i++)
            {
                Assert.True(model.Table.TryGet($"u{u}", 5000, out float[]? vector) && vector.All(x => Math.Abs(x) <= 100));
                Assert.True(float.IsFinite(model.Predict($"u{u}", $"i{i}", 5000)));
            }
        }

        Assert.Null(model.Learn("u0", "i0", float.NaN, 5001));
    }

    [Fact]
    public void Nothing_is_learned_while_the_filter_holds_an_id_back()
    {
        var model = new EmbeddingRewardModel(new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 2, MinCount: 3)));
        Assert.Null(model.Learn("User:a", "Item:x", 1, 0));
        Assert.Null(model.Learn("User:a", "Item:x", 1, 1));
        Assert.NotNull(model.Learn("User:a", "Item:x", 1, 2)); // both reach their third occurrence
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddingRewardModel(model.Table, learningRate: 0));
    }
}
