using Hindsight.Service.Storage;

namespace Hindsight.Service.Tests.Storage;

public class EventStoreTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("hindsight-store-").FullName;

    private static StoredEvent Event(string id, string loop = "news") => new(loop, id, 1_700_000_000_000, $"{{\"c\":{{\"u\":{{\"id\":\"{id}\"}}}}}}", 1, "[0.25,0.75]", false);

    [Fact]
    public async Task After_a_cut_come_the_events_written_later_and_the_ones_waiting_at_it_matched_by_id_and_time()
    {
        await using EventStore store = EventStore.Open(Folder());
        foreach (string id in new[] { "a", "b", "c" })
        {
            Assert.True(await store.AppendAsync(Event(id) with { Timestamp = 1_000 + id[0] }));
            Assert.True(await store.AppendAsync(new StoredReward("news", id, 2_000 + id[0], 1)));
            Assert.True(await store.AppendAsync(new StoredActivation("news", id, 2_000 + id[0])));
        }

        Assert.True(await store.AppendAsync(Event("a", loop: "other"))); // another loop's event of the same id
        Assert.Equal(4, store.LastEventPosition()); // positions: a 1, b 2, c 3, the other loop's a 4

        // A cut after b. Waiting at it: a (same id and rank time) and an event "b" ranked at another time (a retried id
        // whose write was refused): the stored b is not it.
        var cut = new LogCut(2, [("a", 1_000 + 'a'), ("b", 5)]);
        Assert.Equal(["a", "c"], store.Events("news", cut).Select(e => e.EventId));
        Assert.Equal(["a", "c"], store.Rewards("news", cut).Select(r => r.EventId));
        Assert.Equal(["a", "c"], store.Activations("news", cut).Select(r => r.EventId));
        Assert.Equal(["a", "b", "c"], store.Events("news", LogCut.Start).Select(e => e.EventId));
        Assert.Equal(["a"], store.Events("other", cut).Select(e => e.EventId)); // written after the cut
    }

    [Fact]
    public async Task An_acknowledged_event_is_on_disk_and_survives_a_reopen()
    {
        string folder = Folder();
        await using (EventStore store = EventStore.Open(folder))
        {
            Assert.True(await store.AppendAsync(Event("e1")));
            Assert.True(await store.AppendAsync(new StoredReward("news", "e1", 1_700_000_000_500, 0.5)));

            // Acknowledged means committed: a separate read-only connection already sees both.
            Assert.Equal(Event("e1"), Assert.Single(store.Events("news")));
            Assert.Equal(0.5, Assert.Single(store.Rewards("news")).Value);
        }

        await using (EventStore reopened = EventStore.Open(folder))
        {
            Assert.Equal(Event("e1"), Assert.Single(reopened.Events("news")));
            Assert.Single(reopened.Rewards("news"));
            Assert.Empty(reopened.Events("other"));
        }
    }

    [Fact]
    public async Task Concurrent_writes_are_all_kept()
    {
        string folder = Folder();
        const int N = 2000;
        await using (EventStore store = EventStore.Open(folder))
        {
            bool[] written = await Task.WhenAll(Enumerable.Range(0, N).Select(i => Task.Run(() => store.AppendAsync(Event($"e{i}")))));
            Assert.All(written, Assert.True);
            Assert.Equal(N, store.Writes);
            Assert.True(store.Commits <= N);
        }

        await using EventStore reopened = EventStore.Open(folder);
        Assert.Equal(Enumerable.Range(0, N).Select(i => $"e{i}").Order(), reopened.Events("news").Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Writes_queued_together_share_one_commit_and_none_is_acknowledged_before_it()
    {
        await using EventStore store = EventStore.Open(Folder());
        Assert.Equal(2, store.Synchronous); // FULL
        Assert.Equal("wal", store.JournalMode);
        store.PauseWriter();
        Task<bool>[] queued = [.. Enumerable.Range(0, 1000).Select(i => store.AppendAsync(Event($"e{i}")))];
        await Task.Delay(50);
        Assert.DoesNotContain(queued, t => t.IsCompleted); // nothing acknowledged before its commit
        Assert.Equal(0, store.Commits);
        store.ResumeWriter();
        Assert.All(await Task.WhenAll(queued), Assert.True);
        Assert.Equal(1, store.Commits);
        Assert.Equal(1000, store.Writes);
    }

    [Fact]
    public async Task A_duplicate_id_or_a_reward_for_an_unknown_event_fails_alone()
    {
        await using EventStore store = EventStore.Open(Folder());
        Assert.True(await store.AppendAsync(Event("e1")));
        Task<bool>[] batch =
        [
            store.AppendAsync(Event("e1")),                                 // duplicate in the loop
            store.AppendAsync(Event("e1", loop: "sports")),                 // same id, other loop: fine
            store.AppendAsync(new StoredReward("news", "missing", 1, 1.0)), // no such event
            store.AppendAsync(Event("e2")),
            store.AppendAsync(new StoredReward("news", "e2", 2, 1.0)),      // queued after its event: fine
        ];
        bool[] results = await Task.WhenAll(batch);
        Assert.Equal(new[] { false, true, false, true, true }, results);
        Assert.Equal(["e1", "e2"], store.Events("news").Select(e => e.EventId));
        Assert.Equal("e2", Assert.Single(store.Rewards("news")).EventId);
    }

    [Fact]
    public async Task Closing_commits_everything_queued_and_refuses_later_writes()
    {
        string folder = Folder();
        EventStore store = EventStore.Open(folder);
        Task<bool>[] queued = [.. Enumerable.Range(0, 500).Select(i => store.AppendAsync(Event($"e{i}")))];
        await store.DisposeAsync();
        Assert.All(queued, t => Assert.True(t.IsCompletedSuccessfully && t.Result));
        Assert.Throws<ObjectDisposedException>(() => { _ = store.AppendAsync(Event("late")); }); // refused at once, not as a faulted task
        await using EventStore reopened = EventStore.Open(folder);
        Assert.Equal(500, reopened.Events("news").Count);
    }
}
