using Hindsight.Contextual.Embeddings;

namespace Hindsight.Tests.Contextual.Embeddings;

public class EmbeddingTableTests
{
    [Fact]
    public void An_id_gets_an_embedding_at_its_min_count_th_occurrence_and_not_before()
    {
        var table = new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 4, MinCount: 3));
        Assert.Null(table.Observe("u1", 0));
        Assert.Null(table.Observe("u1", 1));
        Assert.False(table.TryGet("u1", 1, out _));
        float[]? v = table.Observe("u1", 2);
        Assert.NotNull(v);
        Assert.Equal(4, v!.Length);
        Assert.True(table.TryGet("u1", 2, out float[]? served));
        Assert.Same(v, served);
        Assert.Equal(2, table.Filtered);
        Assert.Equal(1, table.Admitted);
    }

    [Fact]
    public void Every_id_has_its_own_vector_collisionless()
    {
        // 50,000 IDs in a table as large: each keeps a vector of its own (a hashed table of 2^16 slots would put
        // about 8,500 of them on a slot already taken).
        var table = new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 2, MinCount: 1, MaxEntries: 50_000));
        var vectors = new List<float[]>();
        for (int i = 0; i < 50_000; i++)
        {
            vectors.Add(table.Observe($"item-{i}", i)!);
        }

        Assert.Equal(50_000, table.Count);
        Assert.Equal(0, table.Evicted);
        for (int i = 0; i < vectors.Count; i++)
        {
            // Each ID is served the vector it was admitted with: no other ID landed on its entry.
            Assert.True(table.TryGet($"item-{i}", 50_000, out float[]? served));
            Assert.Same(vectors[i], served);
        }

        // Observing an ID again updates its own entry, no other.
        Assert.Same(vectors[123], table.Observe("item-123", 50_001));
        Assert.Equal(50_000, table.Count);
    }

    [Fact]
    public void An_entry_not_updated_for_its_time_to_live_expires_and_an_updated_one_stays()
    {
        var table = new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 3, MinCount: 1, TimeToLiveMs: 1000));
        table.Observe("a", 0);
        table.Observe("b", 500);
        Assert.True(table.TryGet("a", 999, out _));
        Assert.False(table.TryGet("a", 1000, out _)); // expired for serving; serving changes nothing
        Assert.Equal(2, table.Count);
        table.Observe("b", 1200); // training sweeps: a goes, b is updated
        Assert.Equal(1, table.Count);
        Assert.Equal(1, table.Expired);
        Assert.True(table.TryGet("b", 2100, out _)); // updated at 1200: alive until 2200
        Assert.Equal(1, table.Sweep(2200));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void A_full_table_evicts_the_least_recently_updated_entry()
    {
        var table = new EmbeddingTable(new EmbeddingTableOptions(Dimensions: 2, MinCount: 1, MaxEntries: 3));
        table.Observe("a", 0);
        table.Observe("b", 1);
        table.Observe("c", 2);
        table.Observe("a", 3); // a is updated: b is now the oldest
        table.Observe("d", 4);
        Assert.Equal(3, table.Count);
        Assert.Equal(1, table.Evicted);
        Assert.False(table.TryGet("b", 4, out _));
        Assert.True(table.TryGet("a", 4, out _) && table.TryGet("c", 4, out _) && table.TryGet("d", 4, out _));
    }

    [Fact]
    public void A_saved_table_resumes_exactly()
    {
        var options = new EmbeddingTableOptions(Dimensions: 4, MinCount: 2, TimeToLiveMs: 5_000, MaxEntries: 50, FilterBits: 10);
        var live = new EmbeddingRewardModel(new EmbeddingTable(options, seed: 9));
        var rng = new Random(4);
        (string User, string Item, float Reward, long Time)[] events = [.. Enumerable.Range(0, 3000).Select(t => ($"u{rng.Next(40)}", $"i{rng.Next(40)}", (float)rng.Next(2), (long)t * 10))];
        foreach (var e in events.Take(1500))
        {
            live.Learn(e.User, e.Item, e.Reward, e.Time);
        }

        using var buffer = new MemoryStream();
        live.WriteTo(new BinaryWriter(buffer));
        buffer.Position = 0;
        EmbeddingRewardModel resumed = EmbeddingRewardModel.ReadFrom(new BinaryReader(buffer));
        Assert.Equal(live.MeanReward, resumed.MeanReward);
        foreach (var e in events.Skip(1500))
        {
            Assert.Equal(live.Learn(e.User, e.Item, e.Reward, e.Time), resumed.Learn(e.User, e.Item, e.Reward, e.Time));
        }

        Assert.Equal((live.Table.Count, live.Table.Admitted, live.Table.Filtered, live.Table.Expired, live.Table.Evicted), (resumed.Table.Count, resumed.Table.Admitted, resumed.Table.Filtered, resumed.Table.Expired, resumed.Table.Evicted));
        Assert.True(live.Table.Evicted > 0 && live.Table.Filtered > 0); // the bound and the filter were exercised
        Assert.Throws<InvalidDataException>(() => EmbeddingRewardModel.ReadFrom(new BinaryReader(new MemoryStream(buffer.ToArray()[..60]))));
    }
}
