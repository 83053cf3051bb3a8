using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Hindsight.Service.Tests;

/// <summary>
/// Overload answers 503 with Retry-After instead of taking what cannot be made durable soon or held in memory: while
/// the disk is behind by <see cref="ServiceOptions.MaxQueuedWrites"/> writes, and for a rank while its loop has
/// <see cref="ServiceOptions.MaxWaitingEvents"/> events waiting. What was refused is not in the loop or the log; what was
/// taken is answered once it is on disk.
/// </summary>
public sealed class OverloadTests : IAsyncLifetime
{
    private const string Admin = ServiceHost.Admin;
    private ServiceHost? _host;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync("overload", o => o with { SnapshotSeconds = 0, MaxQueuedWrites = 3, MaxWaitingEvents = 5 });

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task A_disk_that_is_behind_gets_503_and_what_was_taken_is_answered_once_written()
    {
        string key = await CreateLoop("slow", 3600);
        DecisionService.ServiceState state = _host!.App.Services.GetRequiredService<DecisionService.ServiceState>();
        state.Store.PauseWriter();
        var taken = new List<Task<HttpResponseMessage>>();
        for (int i = 0; i < 3; i++)
        {
            taken.Add(Post("/v1/loops/slow/rank", key, Rank($"e{i}")));
            while (state.Store.Backlog < i + 1)
            {
                await Task.Delay(5); // each one queued before the next is sent
            }
        }

        using (HttpResponseMessage refused = await Post("/v1/loops/slow/rank", key, Rank("late")))
        {
            await AssertUnavailable(refused, "body");
        }

        using (HttpResponseMessage refused = await Post("/v1/loops/slow/events/e0/reward", key, "{\"value\": 1}"))
        {
            await AssertUnavailable(refused, "body");
        }

        Assert.DoesNotContain(taken, t => t.IsCompleted); // nothing is answered before it is on disk
        state.Store.ResumeWriter();
        foreach (Task<HttpResponseMessage> t in taken)
        {
            using HttpResponseMessage answer = await t;
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(3, state.Store.Events("slow").Count); // the refused rank is nowhere
        Assert.Equal(0, state.Store.Backlog);
        using HttpResponseMessage stats = await Get("/v1/loops/slow/stats", key);
        Assert.Equal(3, JsonDocument.Parse(await stats.Content.ReadAsStringAsync()).RootElement.GetProperty("events").GetInt64());
        using HttpResponseMessage reward = await Post("/v1/loops/slow/events/e0/reward", key, "{\"value\": 1}");
        Assert.Equal(HttpStatusCode.OK, reward.StatusCode);
    }

    [Fact]
    public async Task A_loop_with_too_many_events_waiting_refuses_ranks_until_windows_close()
    {
        string key = await CreateLoop("busy", 0.5);
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage ok = await Post("/v1/loops/busy/rank", key, Rank($"e{i}"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (HttpResponseMessage refused = await Post("/v1/loops/busy/rank", key, Rank("sixth")))
        {
            await AssertUnavailable(refused, "loop");
        }

        using (HttpResponseMessage reward = await Post("/v1/loops/busy/events/e1/reward", key, "{\"value\": 1}"))
        {
            Assert.Equal(HttpStatusCode.OK, reward.StatusCode); // rewards for waiting events still go in
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage again;
        while ((again = await Post("/v1/loops/busy/rank", key, Rank("sixth"))).StatusCode == HttpStatusCode.ServiceUnavailable && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            again.Dispose();
            await Task.Delay(50); // the windows (0.5 s) close and free room
        }

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        again.Dispose();
    }

    private static async Task AssertUnavailable(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    private static string Rank(string eventId)
        => $"{{\"eventId\": \"{eventId}\", \"context\": {{\"User\": {{\"id\": \"u\"}}}}, \"actions\": [{{\"id\": \"a\", \"features\": {{\"Item\": {{\"x\": 1}}}}}}, {{\"id\": \"b\", \"features\": {{\"Item\": {{\"y\": 1}}}}}}]}}";

    private async Task<string> CreateLoop(string name, double wait)
    {
        using HttpResponseMessage created = await Post("/v1/loops", Admin, $"{{\"name\": \"{name}\", \"rewardWaitSeconds\": {wait.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
    }

    private Task<HttpResponseMessage> Post(string path, string key, string body)
        => _host!.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json"), Headers = { { "X-Api-Key", key } } });

    private Task<HttpResponseMessage> Get(string path, string key)
        => _host!.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Api-Key", key } } });
}
