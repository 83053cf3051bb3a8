using CsCheck;
using Hindsight.Contextual.Embeddings;

namespace Hindsight.Tests.Contextual.Embeddings;

public class FrequencyFilterTests
{
    [Fact]
    public void The_estimate_never_undercounts_even_when_a_narrow_filter_collides()
        => Gen.Int[0, 200].Array[1, 400].Sample(stream =>
        {
            var filter = new FrequencyFilter(4); // 16 counters a row for up to 201 IDs: many collisions
            var truth = new Dictionary<int, int>();
            foreach (int id in stream)
            {
                int seen = truth[id] = truth.GetValueOrDefault(id) + 1;
                int estimate = filter.Add($"id{id}");
                Assert.True(estimate >= Math.Min(seen, 255), $"id{id}: estimate {estimate} below its count {seen}");
            }

            foreach ((int id, int count) in truth)
            {
                Assert.True(filter.Estimate($"id{id}") >= Math.Min(count, 255));
            }
        });

    [Fact]
    public void A_wide_filter_counts_distinct_ids_exactly_and_saturates_at_255()
    {
        var filter = new FrequencyFilter(20);
        for (int round = 1; round <= 5; round++)
        {
            for (int id = 0; id < 1000; id++)
            {
                Assert.Equal(round, filter.Add($"user-{id}"));
            }
        }

        for (int i = 0; i < 300; i++)
        {
            filter.Add("hot");
        }

        Assert.Equal(255, filter.Estimate("hot"));
        Assert.Equal(0, filter.Estimate("never-seen"));
    }

    [Fact]
    public void It_round_trips_through_its_serialized_form()
    {
        var filter = new FrequencyFilter(8);
        for (int i = 0; i < 500; i++)
        {
            filter.Add($"x{i % 37}");
        }

        using var buffer = new MemoryStream();
        filter.WriteTo(new BinaryWriter(buffer));
        buffer.Position = 0;
        FrequencyFilter copy = FrequencyFilter.ReadFrom(new BinaryReader(buffer));
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(filter.Estimate($"x{i}"), copy.Estimate($"x{i}")));
        Assert.Throws<InvalidDataException>(() => FrequencyFilter.ReadFrom(new BinaryReader(new MemoryStream([8, 0, 0, 0, 1, 2]))));
    }
}
