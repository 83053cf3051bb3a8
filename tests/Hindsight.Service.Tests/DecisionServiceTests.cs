using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hindsight.Service.Tests;

/// <summary>The HTTP API on loopback: keys, loops, rank, reward, stats, errors as problem+json, learning, restart.</summary>
public sealed class DecisionServiceTests : IAsyncLifetime
{
    private const string Admin = "admin-key-0123456789";
    private readonly string _data = Directory.CreateTempSubdirectory("hindsight-service-").FullName;
    private WebApplication? _app;
    private HttpClient _client = new();

    public async Task InitializeAsync() => await Start();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(); // flushes and closes the store
            await _app.DisposeAsync();
        }
    }

    private async Task Start()
    {
        _app = DecisionService.Build(new ServiceOptions(_data, Admin, "http://127.0.0.1:0", MaxRequestBytes: 64 * 1024, ExplorationSeed: 11, SnapshotSeconds: 0)); // snapshots at shutdown only, unless a test takes one
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    private async Task Restart(Action? whileStopped = null)
    {
        _client.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
        whileStopped?.Invoke();
        await Start();
    }

    private Task<(HttpStatusCode Status, JsonElement Body, string? Type)> Send(HttpMethod method, string path, string? key, string? body = null)
        => Send(_client, method, path, key, body);

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? Type)> Send(HttpClient client, HttpMethod method, string path, string? key, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> CreateLoop(string name, string settings = "")
    {
        var (status, body, _) = await Send(HttpMethod.Post, "/v1/loops", Admin, $"{{\"name\": \"{name}\"{settings}}}");
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("key").GetString()!;
    }

    private static string RankBody(string user, string? eventId = null)
        => "{" + (eventId is null ? string.Empty : $"\"eventId\": \"{eventId}\", ")
            + "\"context\": {\"User\": {\"kind\": \"" + user + "\"}}, "
            + "\"actions\": [{\"id\": \"news\", \"features\": {\"Item\": {\"topic\": \"news\"}}}, {\"id\": \"sport\", \"features\": {\"Item\": {\"topic\": \"sport\"}}}]}";

    private static void AssertProblem((HttpStatusCode Status, JsonElement Body, string? Type) r, HttpStatusCode status, string field)
    {
        Assert.Equal(status, r.Status);
        Assert.Equal("application/problem+json", r.Type);
        Assert.Equal((int)status, r.Body.GetProperty("status").GetInt32());
        Assert.Equal(field, r.Body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Health_needs_no_key_and_everything_else_does()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/health", null)).Status);
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops", null, "{\"name\": \"x\"}"), HttpStatusCode.Unauthorized, "X-Api-Key");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops", "wrong-key-0123456789", "{\"name\": \"x\"}"), HttpStatusCode.Unauthorized, "X-Api-Key");
        string key = await CreateLoop("a");
        await CreateLoop("b");
        var otherLoop = await Send(HttpMethod.Post, "/v1/loops/b/rank", key, RankBody("young")); // a's key, b's loop
        AssertProblem(otherLoop, HttpStatusCode.Unauthorized, "X-Api-Key");
        var noLoop = await Send(HttpMethod.Post, "/v1/loops/zzz/rank", key, RankBody("young"));
        AssertProblem(noLoop, HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Equal(otherLoop.Body.GetProperty("detail").GetString(), noLoop.Body.GetProperty("detail").GetString()); // no loop-name enumeration
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops", key, "{\"name\": \"c\"}"), HttpStatusCode.Unauthorized, "X-Api-Key"); // loop keys cannot manage loops
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/nope/rank", Admin, RankBody("young")), HttpStatusCode.NotFound, "loop");
        AssertProblem(await Send(HttpMethod.Get, "/v1/nothing", Admin), HttpStatusCode.NotFound, "path");
    }

    [Theory]
    [InlineData("{\"name\": \"bad name!\"}", "name")]
    [InlineData("{\"name\": \"x\", \"epsilon\": 2}", "epsilon")]
    [InlineData("{\"name\": \"x\", \"aggregation\": \"max\"}", "aggregation")]
    [InlineData("{\"name\": \"x\", \"colour\": 1}", "colour")]
    [InlineData("{\"name\": \"x\", \"mode\": \"shadow\"}", "mode")]
    [InlineData("{\"name\": \"x\", \"apprenticeEvents\": 0}", "apprenticeEvents")]
    [InlineData("{\"name\": \"x\", \"apprenticeAgreement\": 1.5}", "apprenticeAgreement")]
    [InlineData("{\"name\": \"x\", \"rewardWaitSeconds\": 0}", "rewardWaitSeconds")]
    [InlineData("{\"name\": \"x\", \"defaultReward\": 1e300}", "defaultReward")]
    [InlineData("[1, 2]", "name")]
    [InlineData("{\"name\": ", "body")]
    public async Task Bad_loop_settings_are_named(string body, string field)
        => AssertProblem(await Send(HttpMethod.Post, "/v1/loops", Admin, body), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("{\"actions\": []}", "context")]
    [InlineData("{\"context\": {}, \"actions\": []}", "actions")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}, {\"features\": {}}]}", "actions[1].id")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\"}]}", "actions[0].features")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}, {\"id\": \"a\", \"features\": {}}]}", "actions")]
    [InlineData("{\"eventId\": \"has space\", \"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}]}", "eventId")]
    [InlineData("{\"context\": {\"U\": [1, ", "body")]
    [InlineData("\"text\"", "body")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}], \"decision\": {\"actionId\": \"b\", \"probability\": 0.5}}", "decision.actionId")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}], \"decision\": \"a\"}", "decision.actionId")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}], \"decision\": {\"actionId\": \"a\", \"probability\": 0}}", "decision.probability")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}], \"decision\": {\"actionId\": \"a\", \"probability\": 1.5}}", "decision.probability")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}], \"decision\": {\"actionId\": \"a\", \"probability\": 1e-300}}", "decision.probability")]
    [InlineData("{\"context\": {}, \"actions\": [{\"id\": \"a\", \"features\": {}}], \"decision\": {\"actionId\": \"a\"}}", "decision.probability")]
    public async Task Bad_rank_requests_are_named(string body, string field)
    {
        string key = await CreateLoop("r");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/r/rank", key, body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_huge_body_is_refused_with_413()
    {
        string key = await CreateLoop("h");
        string huge = "{\"context\": {\"U\": {\"x\": \"" + new string('a', 100_000) + "\"}}, \"actions\": [{\"id\": \"a\", \"features\": {}}]}";
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/h/rank", key, huge), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Rank_then_reward_then_the_window_closes()
    {
        string key = await CreateLoop("w", ", \"rewardWaitSeconds\": 0.3");
        var (status, rank, _) = await Send(HttpMethod.Post, "/v1/loops/w/rank", key, RankBody("young", "e1"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("e1", rank.GetProperty("eventId").GetString());
        Assert.Contains(rank.GetProperty("actionId").GetString(), new[] { "news", "sport" });
        Assert.Equal(1.0, rank.GetProperty("ranking").EnumerateArray().Sum(r => r.GetProperty("probability").GetDouble()), 1e-6);
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/w/rank", key, RankBody("young", "e1")), HttpStatusCode.Conflict, "eventId");

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/w/events/e1/reward", key, "{\"value\": 1}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/w/events/e1/reward", key, "{\"value\": 0.5}")).Status); // sum
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/w/events/e1/reward", key, "{\"value\": \"high\"}"), HttpStatusCode.BadRequest, "value");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/w/events/e1/reward", key, "{\"value\": 1e300}"), HttpStatusCode.BadRequest, "value");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/w/events/missing/reward", key, "{\"value\": 1}"), HttpStatusCode.NotFound, "id");

        await Task.Delay(600);
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/w/events/e1/reward", key, "{\"value\": 1}"), HttpStatusCode.Conflict, "id");
        var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/w/stats", key);
        Assert.Equal(1, stats.GetProperty("events").GetInt64());
        Assert.Equal(1, stats.GetProperty("closedEvents").GetInt64());
        Assert.Equal(1.5, stats.GetProperty("averageReward").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task The_loop_learns_who_likes_what_and_survives_a_restart()
    {
        // Young users click sport, old users news (reward 1), nothing else pays. ε-greedy with ε = 0.1 should end up
        // right about 95 % of the time; uniform would be right half of the time.
        string key = await CreateLoop("learn", ", \"rewardWaitSeconds\": 0.2, \"epsilon\": 0.1, \"interactions\": [\"UI\"]");
        var random = new Random(3);
        int right = 0, late = 0;
        for (int t = 0; t < 600; t++)
        {
            string user = random.Next(2) == 0 ? "young" : "old";
            var (_, rank, _) = await Send(HttpMethod.Post, "/v1/loops/learn/rank", key, RankBody(user));
            string action = rank.GetProperty("actionId").GetString()!;
            bool good = (user == "young") == (action == "sport");
            if (good)
            {
                // Sent at once, well inside the 0.2 s window: it must be accepted.
                Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/v1/loops/learn/events/{rank.GetProperty("eventId").GetString()}/reward", key, "{\"value\": 1}")).Status);
            }

            if (t >= 400)
            {
                right += good ? 1 : 0;
                late++;
            }

            if (t % 50 == 49)
            {
                await Task.Delay(300); // let the windows close, so the learner keeps up
            }
        }

        Assert.True(right > 0.85 * late, $"{right} of the last {late} right");
        JsonElement before = await Closed("learn", key); // every window closed: the counters are final
        JsonElement greedy = before.GetProperty("learnedPolicyValue"); // progressive IPS of the model's first choice
        Assert.Equal(before.GetProperty("closedEvents").GetInt64(), greedy.GetProperty("events").GetInt64());
        double low = greedy.GetProperty("low").GetDouble(), high = greedy.GetProperty("high").GetDouble(), value = greedy.GetProperty("value").GetDouble();
        Assert.True(low < value && value < high && high - low < 0.2, $"interval [{low}, {high}] around {value}");
        Assert.True(value > 0.75, $"the learned policy's estimated reward {value}: uniform earns 0.5");

        await Restart();
        var (status, after, _) = await Send(HttpMethod.Get, "/v1/loops/learn/stats", key); // the key still works
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.GetProperty("events").GetInt64(), after.GetProperty("events").GetInt64());
        Assert.Equal(before.GetProperty("averageReward").GetDouble(), after.GetProperty("averageReward").GetDouble(), 1e-9);

        // The replayed model still ranks well.
        int rightAfter = 0;
        for (int t = 0; t < 100; t++)
        {
            string user = t % 2 == 0 ? "young" : "old";
            var (_, rank, _) = await Send(HttpMethod.Post, "/v1/loops/learn/rank", key, RankBody(user));
            rightAfter += (user == "young") == (rank.GetProperty("actionId").GetString() == "sport") ? 1 : 0;
        }

        Assert.True(rightAfter > 80, $"{rightAfter} of 100 right after the restart");
    }

    /// <summary>Ranks and rewards events of young and old users (young like sport, old news: reward 1, else none — or 0
    /// with rewardAll: under "first" aggregation every event is then learned at its reward, in order, whatever the timing).</summary>
    private async Task Teach(string loop, string key, int events, string prefix, bool rewardAll = false)
    {
        for (int t = 0; t < events; t++)
        {
            string user = t % 3 == 0 ? "young" : "old";
            var (_, rank, _) = await Send(HttpMethod.Post, $"/v1/loops/{loop}/rank", key, RankBody(user, $"{prefix}{t}"));
            bool liked = (user == "young") == (rank.GetProperty("actionId").GetString() == "sport");
            if (liked || rewardAll)
            {
                Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/v1/loops/{loop}/events/{prefix}{t}/reward", key, liked ? "{\"value\": 1}" : "{\"value\": 0}")).Status);
            }
        }
    }

    /// <summary>A deferred rank (never activated, so never learned) of a young user: the loop's probabilities as they are
    /// (on a SquareCB loop they move with every weight; ε-greedy's only with the first choice).</summary>
    private static async Task<double[]> Probe(HttpClient client, string loop, string key, string eventId)
    {
        var (status, rank, _) = await Send(client, HttpMethod.Post, $"/v1/loops/{loop}/rank", key, RankBody("young", eventId)[..^1] + ", \"deferActivation\": true}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. rank.GetProperty("ranking").EnumerateArray().OrderBy(r => r.GetProperty("id").GetString(), StringComparer.Ordinal).Select(r => r.GetProperty("probability").GetDouble())];
    }

    /// <summary>Polls a loop's stats until every window has closed (no event waiting), for at most 30 s.</summary>
    private async Task<JsonElement> Closed(string loop, string key)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (_, stats, _) = await Send(HttpMethod.Get, $"/v1/loops/{loop}/stats", key);
            if (stats.GetProperty("closedEvents").GetInt64() + stats.GetProperty("inactiveEvents").GetInt64() == stats.GetProperty("events").GetInt64())
            {
                return stats;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"loop {loop}: windows still open after 30 s");
            await Task.Delay(50);
        }
    }

    private static void AssertSameStats(JsonElement expected, JsonElement actual)
    {
        foreach (string counter in new[] { "events", "closedEvents", "rewardedEvents", "inactiveEvents" })
        {
            Assert.Equal(expected.GetProperty(counter).GetInt64(), actual.GetProperty(counter).GetInt64());
        }

        Assert.Equal(expected.GetProperty("averageReward").GetDouble(), actual.GetProperty("averageReward").GetDouble(), 12);
        Assert.Equal(expected.GetProperty("explorationRate").GetDouble(), actual.GetProperty("explorationRate").GetDouble(), 12);
        Assert.Equal(expected.GetProperty("learnedPolicyValue").GetProperty("value").GetDouble(), actual.GetProperty("learnedPolicyValue").GetProperty("value").GetDouble(), 12);
        Assert.Equal(expected.GetProperty("learnedPolicyValue").GetProperty("events").GetInt64(), actual.GetProperty("learnedPolicyValue").GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task A_restart_resumes_the_model_from_its_shutdown_snapshot_and_a_bad_snapshot_falls_back_to_replay()
    {
        string key = await CreateLoop("s", ", \"learner\": \"squarecb\", \"rewardWaitSeconds\": 3, \"interactions\": [\"UI\"]");
        await Teach("s", key, 300, "e");
        await Closed("s", key);
        double[] probe = await Probe(_client, "s", key, "probe"); // waiting when the service stops
        var (_, before, _) = await Send(HttpMethod.Get, "/v1/loops/s/stats", key);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("snapshotAt").ValueKind); // none yet: only at shutdown here

        await Restart();
        var (_, after, _) = await Send(HttpMethod.Get, "/v1/loops/s/stats", key);
        AssertSameStats(before, after);
        Assert.Equal(1, after.GetProperty("replayedEvents").GetInt64()); // only the probe, waiting at the cut, came from the log
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("snapshotAt").ValueKind);
        Assert.Equal(probe, await Probe(_client, "s", key, "probe2")); // the model itself, bit for bit

        JsonElement stopped = await Closed("s", key); // the probes' windows close (not activated: dropped)
        string file = Path.Combine(_data, "snapshots", "s.snapshot");
        await Restart(() =>
        {
            byte[] bytes = File.ReadAllBytes(file);
            bytes[bytes.Length / 2] ^= 1; // one bit of a weight flipped: the checksum catches it
            File.WriteAllBytes(file, bytes);
        });
        var (_, replayed, _) = await Send(HttpMethod.Get, "/v1/loops/s/stats", key);
        Assert.Equal(302, replayed.GetProperty("replayedEvents").GetInt64()); // the whole log
        AssertSameStats(stopped, replayed);
        Assert.Equal(probe, await Probe(_client, "s", key, "probe3")); // replay in log order learns the same model
    }

    /// <summary>
    /// Under "first" aggregation an event whose window ends before another event's first reward is learned before it;
    /// replay in event time learns them in that order too, so the model rebuilt from the whole log is the live one, bit
    /// for bit (replaying each event with all of its rewards at once learned the rewarded one first).
    /// </summary>
    [Fact]
    public async Task Replay_learns_in_the_order_the_loop_lived()
    {
        string key = await CreateLoop("ord", ", \"learner\": \"squarecb\", \"rewardWaitSeconds\": 3, \"aggregation\": \"first\", \"interactions\": [\"UI\"]");
        for (int i = 0; i < 3; i++)
        {
            string user = i % 2 == 0 ? "young" : "old";
            Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/ord/rank", key, RankBody(user, $"a{i}"))).Status); // never rewarded
            await Task.Delay(1500);
            Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/ord/rank", key, RankBody(user, $"b{i}"))).Status);

            // a's window (3 s) ends and a is learned; b's, opened 1.5 s later, stays open for about 1.5 s more.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while ((await Send(HttpMethod.Get, "/v1/loops/ord/stats", key)).Body.GetProperty("closedEvents").GetInt64() < (2 * i) + 1)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"a{i} not learned after 30 s");
                await Task.Delay(20);
            }

            Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/v1/loops/ord/events/b{i}/reward", key, "{\"value\": 1}")).Status);
        }

        await Closed("ord", key);
        double[] probe = await Probe(_client, "ord", key, "probe");
        await Restart(() => File.Delete(Path.Combine(_data, "snapshots", "ord.snapshot"))); // the whole log, replayed
        var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/ord/stats", key);
        Assert.Equal(7, stats.GetProperty("replayedEvents").GetInt64());
        Assert.Equal(probe, await Probe(_client, "ord", key, "probe2"));
    }

    [Fact]
    public async Task After_a_crash_the_model_resumes_from_the_last_snapshot_and_replays_only_what_came_after()
    {
        string key = await CreateLoop("c", ", \"learner\": \"squarecb\", \"rewardWaitSeconds\": 3, \"interactions\": [\"UI\"]");
        await Teach("c", key, 200, "a");
        await Closed("c", key); // learned
        await Teach("c", key, 50, "w"); // still waiting at the snapshot (unless a slow machine took over 3 s for some)
        DecisionService.ServiceState state = _app!.Services.GetRequiredService<DecisionService.ServiceState>();
        Assert.True(state.SaveSnapshot(state.Loops["c"])); // what the periodic writer does
        Assert.False(state.SaveSnapshot(state.Loops["c"])); // nothing changed since: none written
        await Teach("c", key, 100, "b");
        await Closed("c", key); // every window closes in the live service

        // The crash image: the files as they are now (every answered write is committed; nothing is in flight).
        string image = CopyData("crash"), whole = CopyData("whole");
        Directory.Delete(Path.Combine(whole, "snapshots"), recursive: true);
        var (_, live, _) = await Send(HttpMethod.Get, "/v1/loops/c/stats", key);
        double[] liveProbe = await Probe(_client, "c", key, "probe");

        foreach ((string data, Func<long, bool> replayed) in new (string, Func<long, bool>)[] { (image, n => n > 100 && n <= 150), (whole, n => n == 350) })
        {
            WebApplication app = DecisionService.Build(new ServiceOptions(data, Admin, "http://127.0.0.1:0", ExplorationSeed: 11, SnapshotSeconds: 0));
            await app.StartAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
                var (_, stats, _) = await Send(client, HttpMethod.Get, "/v1/loops/c/stats", key);
                AssertSameStats(live, stats);
                long n = stats.GetProperty("replayedEvents").GetInt64();
                Assert.True(replayed(n), $"{n} events replayed from {Path.GetFileName(data)}");
                Assert.Equal(liveProbe, await Probe(client, "c", key, "probe"));
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Offline_evaluation_compares_live_baseline_uniform_and_candidate_settings_on_the_loops_log()
    {
        string key = await CreateLoop("o", ", \"rewardWaitSeconds\": 3, \"epsilon\": 0.3, \"interactions\": [\"UI\"], \"aggregation\": \"first\"");
        await Teach("o", key, 400, "e", rewardAll: true); // learned at each reward: the same log on every run
        await Task.Delay(3200); // every window (3 s) has ended: the export writes events whose window has ended (learned at once under "first")
        var (status, evaluation, _) = await Send(HttpMethod.Post, "/v1/loops/o/evaluation", key, "{\"candidates\": [{\"name\": \"no crossing\"}]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(400, evaluation.GetProperty("decisions").GetInt64());
        JsonElement[] policies = [.. evaluation.GetProperty("policies").EnumerateArray()];
        Assert.Equal(["live", "baseline", "uniform", "current settings", "no crossing"], policies.Select(p => p.GetProperty("policy").GetString()));
        double Estimate(int policy, string estimator) => policies[policy].GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("estimator").GetString() == estimator).GetProperty("value").GetDouble();

        // live scores the logged distributions themselves: IPS is the loop's own average reward.
        var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/o/stats", key);
        Assert.Equal(stats.GetProperty("averageReward").GetDouble(), Estimate(0, "ips"), 9);

        // The baseline's IPS by hand from the exported log: Σ 1[first action logged] · reward / probability over n.
        using HttpResponseMessage log = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/loops/o/log") { Headers = { { "X-Api-Key", key } } });
        double baseline = 0;
        int n = 0;
        foreach (string line in (await log.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            JsonElement e = JsonDocument.Parse(line).RootElement;
            baseline += e.GetProperty("_labelIndex").GetInt32() == 0 ? -e.GetProperty("_label_cost").GetDouble() / e.GetProperty("_label_probability").GetSingle() : 0; // single precision, as readers keep it
            n++;
        }

        Assert.Equal(baseline / n, Estimate(1, "ips"), 9);

        // Old users (two thirds) like news, the first action: the baseline earns about 2/3, uniform 1/2; a learner that
        // crosses user and item (the loop's settings) learns who likes what — about 0.85 while it explores with ε = 0.3 —,
        // one that does not cannot beat the baseline. (The run is deterministic: fixed draws, learning at each reward.)
        Assert.Equal(0.5, Estimate(2, "dr"), 0.06); // about 2.5 standard errors on 400 decisions

        // A learner trained on the log with the loop's own settings, in log order, is the live learner again: it gives
        // every decision the probabilities the loop logged (learning happened at each reward, in the same order).
        Assert.Equal(Estimate(0, "ips"), Estimate(3, "ips"), 9);
        Assert.Equal(Estimate(0, "dr"), Estimate(3, "dr"), 9);
        Assert.True(Estimate(3, "dr") > Estimate(1, "dr") + 0.05, $"current settings {Estimate(3, "dr")}, baseline {Estimate(1, "dr")}");
        Assert.True(Estimate(4, "dr") < Estimate(3, "dr") - 0.05, $"no crossing {Estimate(4, "dr")}, current settings {Estimate(3, "dr")}");
        Assert.Equal("candidate", policies[4].GetProperty("kind").GetString());
        Assert.Equal("epsilon-greedy", policies[4].GetProperty("settings").GetProperty("learner").GetString());

        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/o/evaluation", key, "{\"candidates\": [{\"learner\": \"magic\"}]}"), HttpStatusCode.BadRequest, "candidates[0].learner");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/o/evaluation", key, "{\"candidates\": [{\"embeddings\": {\"user\": \"User.id\", \"item\": \"Item.id\"}}]}"), HttpStatusCode.BadRequest, "candidates[0].embeddings");

        // A loop without closed events: every estimate is undefined, answered as null (not a failure).
        string empty = await CreateLoop("empty");
        var (emptyStatus, nothing, _) = await Send(HttpMethod.Post, "/v1/loops/empty/evaluation", empty, "{}");
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Equal(0, nothing.GetProperty("decisions").GetInt64());
        Assert.All(nothing.GetProperty("policies").EnumerateArray().SelectMany(p => p.GetProperty("estimates").EnumerateArray()), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("value").ValueKind));
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/o/evaluation", key, "{\"candidate\": []}"), HttpStatusCode.BadRequest, "candidate");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/o/evaluation", key, "[]"), HttpStatusCode.BadRequest, "body");
        DecisionService.ServiceState state = _app!.Services.GetRequiredService<DecisionService.ServiceState>();
        await state.Evaluations.WaitAsync(); // one is running
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/o/evaluation", key, "{}"), HttpStatusCode.TooManyRequests, "loop");
        state.Evaluations.Release();
    }

    /// <summary>
    /// Users and items fall in two hidden groups and a user likes (reward 1) only items of its own group; each rank offers
    /// four of 60 items to one of 40 users. Without embeddings the learner must try each user–item pair (one weight a pair,
    /// -q on the hashed IDs); with the Monolith table, item embeddings learn their group from every user's rewards and a
    /// user's from its own few, and the learner ranks by their predicted reward (the feature Embedding.score). Same
    /// traffic, same draws, learning at each reward: a deterministic run.
    /// </summary>
    [Fact]
    public async Task Embeddings_of_sparse_ids_learn_who_likes_what_from_fewer_events_and_survive_a_restart()
    {
        string withTable = await CreateLoop("emb", ", \"aggregation\": \"first\", \"epsilon\": 0.1, \"embeddings\": {\"user\": \"User.id\", \"item\": \"Item.id\", \"minCount\": 2}");
        string pairs = await CreateLoop("pairs", ", \"aggregation\": \"first\", \"epsilon\": 0.1, \"interactions\": [\"UI\"]");
        double Rate(List<int> rewards) => rewards.Skip(1500).Average();
        List<int> embedded = await Recommend("emb", withTable), paired = await Recommend("pairs", pairs);
        Assert.True(Rate(embedded) > Rate(paired) + 0.1, $"late reward with embeddings {Rate(embedded):F3}, with pair weights {Rate(paired):F3}");
        Assert.True(Rate(embedded) > 0.85, $"late reward with embeddings {Rate(embedded):F3} (random picks earn 0.5, the best with ε = 0.1 about 0.95)");

        var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/emb/stats", withTable);
        JsonElement table = stats.GetProperty("embeddings");
        Assert.Equal(100, table.GetProperty("entries").GetInt32()); // 40 users and 60 items, each past the filter
        Assert.Equal(100, table.GetProperty("admitted").GetInt64());
        Assert.True(table.GetProperty("filtered").GetInt64() >= 100); // every ID waited for its second occurrence
        Assert.Equal(JsonValueKind.Null, (await Send(HttpMethod.Get, "/v1/loops/pairs/stats", pairs)).Body.GetProperty("embeddings").ValueKind);

        double[] probe = await ProbeItems(withTable);
        await Restart(); // the shutdown snapshot holds the table: the same embeddings, the same ranking
        Assert.Equal(probe, await ProbeItems(withTable));
        var (_, restarted, _) = await Send(HttpMethod.Get, "/v1/loops/emb/stats", withTable);
        Assert.Equal(1, restarted.GetProperty("replayedEvents").GetInt64()); // the snapshot was used (only the probe replayed)
        Assert.Equal(table.ToString(), restarted.GetProperty("embeddings").ToString()); // the table's counters as they were

        AssertProblem(await Send(HttpMethod.Post, "/v1/loops", Admin, "{\"name\": \"bad\", \"embeddings\": {\"user\": \"User\", \"item\": \"Item.id\"}}"), HttpStatusCode.BadRequest, "embeddings.user");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops", Admin, "{\"name\": \"bad\", \"embeddings\": {\"user\": \"User.id\"}}"), HttpStatusCode.BadRequest, "embeddings.item");
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops", Admin, "{\"name\": \"bad\", \"embeddings\": {\"user\": \"User.id\", \"item\": \"Item.id\", \"maxEntries\": 0}}"), HttpStatusCode.BadRequest, "embeddings.maxEntries");
    }

    /// <summary>2,000 recommendations: a user of 40, four items of 60 offered; the reward of each (1 when the item is of
    /// the user's group) is reported at once.</summary>
    private async Task<List<int>> Recommend(string loop, string key)
    {
        var rng = new Random(12);
        var rewards = new List<int>();
        for (int t = 0; t < 2000; t++)
        {
            int user = rng.Next(40);
            int[] items = [.. Enumerable.Range(0, 60).OrderBy(_ => rng.Next()).Take(4)];
            string actions = string.Join(", ", items.Select(i => $"{{\"id\": \"i{i}\", \"features\": {{\"Item\": {{\"id\": \"i{i}\"}}}}}}"));
            var (_, rank, _) = await Send(HttpMethod.Post, $"/v1/loops/{loop}/rank", key, $"{{\"eventId\": \"t{t}\", \"context\": {{\"User\": {{\"id\": \"u{user}\"}}}}, \"actions\": [{actions}]}}");
            int item = int.Parse(rank.GetProperty("actionId").GetString()![1..], System.Globalization.CultureInfo.InvariantCulture);
            int reward = item % 2 == user % 2 ? 1 : 0;
            rewards.Add(reward);
            Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/v1/loops/{loop}/events/t{t}/reward", key, $"{{\"value\": {reward}}}")).Status);
        }

        return rewards;
    }

    /// <summary>The embedding loop's probabilities for user u0 and items i0 … i3 (a deferred rank, never learned).</summary>
    private async Task<double[]> ProbeItems(string key)
    {
        string body = "{\"deferActivation\": true, \"context\": {\"User\": {\"id\": \"u0\"}}, \"actions\": [" + string.Join(", ", Enumerable.Range(0, 4).Select(i => $"{{\"id\": \"i{i}\", \"features\": {{\"Item\": {{\"id\": \"i{i}\"}}}}}}")) + "]}";
        var (status, rank, _) = await Send(HttpMethod.Post, "/v1/loops/emb/rank", key, body);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. rank.GetProperty("ranking").EnumerateArray().OrderBy(r => r.GetProperty("id").GetString(), StringComparer.Ordinal).Select(r => r.GetProperty("probability").GetDouble())];
    }

    /// <summary>A copy of the data folder (the database, its write-ahead log and the snapshots) as it is on disk.</summary>
    private string CopyData(string name)
    {
        string copy = Directory.CreateTempSubdirectory($"hindsight-{name}-").FullName;
        foreach (string file in Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(_data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    [Fact]
    public async Task First_aggregation_keeps_the_first_reward_and_silence_gets_the_default()
    {
        string key = await CreateLoop("f", ", \"rewardWaitSeconds\": 2, \"aggregation\": \"first\", \"defaultReward\": -0.25");
        await Send(HttpMethod.Post, "/v1/loops/f/rank", key, RankBody("young", "a"));
        await Send(HttpMethod.Post, "/v1/loops/f/rank", key, RankBody("young", "b"));
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/f/events/a/reward", key, "{\"value\": 2}")).Status);
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/f/events/a/reward", key, "{\"value\": 5}"), HttpStatusCode.Conflict, "id"); // final at its first reward
        var (_, early, _) = await Send(HttpMethod.Get, "/v1/loops/f/stats", key);
        Assert.Equal(1, early.GetProperty("closedEvents").GetInt64()); // learned at once, before its window ends
        JsonElement stats = await Closed("f", key);
        Assert.Equal(2, stats.GetProperty("closedEvents").GetInt64());
        Assert.Equal(1, stats.GetProperty("rewardedEvents").GetInt64());
        Assert.Equal((2 - 0.25) / 2, stats.GetProperty("averageReward").GetDouble(), 1e-12);

        await Restart(); // replay finds the same rewards
        var (_, again, _) = await Send(HttpMethod.Get, "/v1/loops/f/stats", key);
        Assert.Equal((2 - 0.25) / 2, again.GetProperty("averageReward").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_for_any_valid_key()
    {
        AssertProblem(await Send(HttpMethod.Get, "/openapi/v1.json", null), HttpStatusCode.Unauthorized, "X-Api-Key");
        AssertProblem(await Send(HttpMethod.Get, "/openapi/v1.json", "wrong-key-0123456789"), HttpStatusCode.Unauthorized, "X-Api-Key");
        string key = await CreateLoop("o");
        var (status, doc, _) = await Send(HttpMethod.Get, "/openapi/v1.json", key);
        Assert.Equal(HttpStatusCode.OK, status);
        JsonElement paths = doc.GetProperty("paths");
        foreach (string path in new[] { "/health", "/v1/loops", "/v1/loops/{loop}/rank", "/v1/loops/{loop}/events/{id}/reward", "/v1/loops/{loop}/events/{id}/activate", "/v1/loops/{loop}/stats", "/v1/loops/{loop}/log" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        }

        JsonElement rank = paths.GetProperty("/v1/loops/{loop}/rank").GetProperty("post");
        Assert.True(rank.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(rank.GetProperty("responses").TryGetProperty("400", out _));
        JsonElement schemas = doc.GetProperty("components").GetProperty("schemas");
        JsonElement request = schemas.GetProperty("RankRequest").GetProperty("properties");
        Assert.True(request.TryGetProperty("context", out _) && request.TryGetProperty("actions", out _) && request.TryGetProperty("deferActivation", out _));
        Assert.True(schemas.GetProperty("RankResponse").GetProperty("properties").TryGetProperty("ranking", out _));

        // The documented loop body is the name and every setting the service reads, no more, no less.
        string[] documented = [.. schemas.GetProperty("CreateLoopRequest").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
        string[] settings = [.. typeof(LoopSettings).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Append("name").Order(StringComparer.Ordinal)];
        Assert.Equal(settings, documented);
    }

    [Fact]
    public async Task An_untrained_loop_breaks_ties_without_counting_exploration()
    {
        // Untrained, every action costs 0: ε-greedy spreads 1 − ε over the tie, so either action is a greedy choice.
        string key = await CreateLoop("t", ", \"rewardWaitSeconds\": 3600, \"epsilon\": 0.2");
        var chosen = new HashSet<string>();
        for (int i = 0; i < 60; i++)
        {
            var (_, rank, _) = await Send(HttpMethod.Post, "/v1/loops/t/rank", key, RankBody("young"));
            chosen.Add(rank.GetProperty("actionId").GetString()!);
        }

        var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/t/stats", key);
        Assert.Equal(2, chosen.Count); // both were drawn (each has probability 1/2; 60 draws)
        Assert.Equal(0, stats.GetProperty("explorationRate").GetDouble());
    }

    [Fact]
    public async Task Apprentice_mode_follows_the_baseline_until_the_learner_agrees_then_goes_online()
    {
        // The app's baseline (the first action, news) earns 1. The untrained learner ties, which is no agreement; from the
        // second event on it ranks news first, so the 40 latest events agree ≥ 90 % at the 40th: the loop goes online.
        string key = await CreateLoop("app", ", \"mode\": \"apprentice\", \"apprenticeEvents\": 40, \"apprenticeAgreement\": 0.9, \"aggregation\": \"first\", \"rewardWaitSeconds\": 3600, \"epsilon\": 0.5");
        for (int i = 0; i < 40; i++)
        {
            var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/app/stats", key);
            Assert.Equal("apprentice", stats.GetProperty("mode").GetString());
            var (_, rank, _) = await Send(HttpMethod.Post, "/v1/loops/app/rank", key, RankBody(i % 2 == 0 ? "young" : "old", $"a{i}"));
            Assert.Equal("news", rank.GetProperty("actionId").GetString());
            Assert.Equal(1f, rank.GetProperty("ranking")[0].GetProperty("probability").GetSingle());
            Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/v1/loops/app/events/a{i}/reward", key, "{\"value\": 1}")).Status);
        }

        var (_, graduated, _) = await Send(HttpMethod.Get, "/v1/loops/app/stats", key);
        Assert.Equal("online", graduated.GetProperty("mode").GetString());
        Assert.Equal(39.0 / 40, graduated.GetProperty("baselineAgreement").GetDouble(), 12);

        // Online, with ε = 0.5 over two actions, the learner now explores: sport is drawn (seeded draws).
        int sport = 0;
        for (int i = 0; i < 40; i++)
        {
            var (_, rank, _) = await Send(HttpMethod.Post, "/v1/loops/app/rank", key, RankBody("young"));
            sport += rank.GetProperty("actionId").GetString() == "sport" ? 1 : 0;
        }

        Assert.InRange(sport, 1, 39);

        await Restart(); // replay learns the same events in the same order: still online
        var (_, again, _) = await Send(HttpMethod.Get, "/v1/loops/app/stats", key);
        Assert.Equal("online", again.GetProperty("mode").GetString());
        Assert.Equal(39.0 / 40, again.GetProperty("baselineAgreement").GetDouble(), 12);
    }

    [Fact]
    public async Task Deferred_events_are_learned_only_once_activated()
    {
        string key = await CreateLoop("d", ", \"rewardWaitSeconds\": 2");
        string Defer(string id) => RankBody("young", id).Replace("{\"eventId\"", "{\"deferActivation\": true, \"eventId\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/d/rank", key, Defer("kept"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/d/rank", key, Defer("dropped"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/d/events/kept/activate", key)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/d/events/dropped/reward", key, "{\"value\": 1}")).Status); // taken, but never learned
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/d/events/nothing/activate", key), HttpStatusCode.NotFound, "id");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/v1/loops/d/rank", key, RankBody("young", "plain"))).Status);
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/d/events/plain/activate", key), HttpStatusCode.Conflict, "id"); // not deferred
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/d/rank", key, RankBody("young", "x").Replace("{\"eventId\"", "{\"deferActivation\": 1, \"eventId\"", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "deferActivation");
        await Task.Delay(2500);
        AssertProblem(await Send(HttpMethod.Post, "/v1/loops/d/events/dropped/activate", key), HttpStatusCode.Conflict, "id"); // too late

        var (_, stats, _) = await Send(HttpMethod.Get, "/v1/loops/d/stats", key);
        Assert.Equal(2, stats.GetProperty("closedEvents").GetInt64()); // "kept" and "plain"
        Assert.Equal(1, stats.GetProperty("inactiveEvents").GetInt64());
        Assert.Equal(0, stats.GetProperty("rewardedEvents").GetInt64());

        using HttpResponseMessage log = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/loops/d/log") { Headers = { { "X-Api-Key", key } } });
        string[] lines = (await log.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"EventId\":\"dropped\"", StringComparison.Ordinal) && l.Contains("\"_skipLearn\":true", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"EventId\":\"kept\"", StringComparison.Ordinal) && !l.Contains("_skipLearn", StringComparison.Ordinal));

        await Restart(); // replay applies the activation the same way
        var (_, again, _) = await Send(HttpMethod.Get, "/v1/loops/d/stats", key);
        Assert.Equal(2, again.GetProperty("closedEvents").GetInt64());
        Assert.Equal(1, again.GetProperty("inactiveEvents").GetInt64());
    }

    [Fact]
    public async Task An_apps_own_decision_is_logged_with_its_probability_and_answered_with_the_loops_view()
    {
        string key = await CreateLoop("d", ", \"rewardWaitSeconds\": 0.3, \"aggregation\": \"first\", \"interactions\": [\"UI\"]");
        for (int i = 0; i < 200; i++)
        {
            bool young = i % 2 == 0;
            string taken = i % 4 < 2 ? "news" : "sport"; // the app's own randomized test: each action half the time
            string body = RankBody(young ? "young" : "old", $"e{i}")[..^1] + $", \"decision\": {{\"actionId\": \"{taken}\", \"probability\": 0.5}}}}";
            var (status, rank, _) = await Send(HttpMethod.Post, "/v1/loops/d/rank", key, body);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(taken, rank.GetProperty("actionId").GetString());
            Assert.Equal(1.0, rank.GetProperty("ranking").EnumerateArray().Sum(r => r.GetProperty("probability").GetDouble()), 1e-6); // the loop's own distribution
            await Send(HttpMethod.Post, $"/v1/loops/d/events/e{i}/reward", key, $"{{\"value\": {((young ? "news" : "sport") == taken ? 1 : 0)}}}");
        }

        // Learned from the app's decisions: the loop's own first choice follows who likes what.
        var (_, young1, _) = await Send(HttpMethod.Post, "/v1/loops/d/rank", key, RankBody("young")[..^1] + ", \"decision\": {\"actionId\": \"sport\", \"probability\": 0.5}}");
        var (_, old1, _) = await Send(HttpMethod.Post, "/v1/loops/d/rank", key, RankBody("old")[..^1] + ", \"decision\": {\"actionId\": \"news\", \"probability\": 0.5}}");
        Assert.Equal("news", young1.GetProperty("ranking")[0].GetProperty("id").GetString());
        Assert.Equal("sport", old1.GetProperty("ranking")[0].GetProperty("id").GetString());
        JsonElement stats = await Closed("d", key); // every window closes
        Assert.Equal(0, stats.GetProperty("explorationRate").GetDouble()); // the app decided every one
        Assert.Equal(202, stats.GetProperty("closedEvents").GetInt64());
        double learned = stats.GetProperty("learnedPolicyValue").GetProperty("value").GetDouble();
        Assert.InRange(learned, 0.8, 1.2); // IPS 1/0.5 on the half of the events where the app took the loop's first choice, which soon is always right

        await Restart(); // replay learns with the logged probability too: the same estimate
        using HttpResponseMessage response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/loops/d/log") { Headers = { { "X-Api-Key", key } } });
        string path = Path.Combine(_data, "decisions.dsjson");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());
        var examples = new Hindsight.Formats.DsJsonReader(path).Read().ToList();
        Assert.Equal(202, examples.Count);
        Assert.All(examples, e => Assert.Equal(0.5f, e.Label!.Value.Probability));
        Assert.Equal(learned, (await Send(HttpMethod.Get, "/v1/loops/d/stats", key)).Body.GetProperty("learnedPolicyValue").GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public async Task The_log_exports_closed_events_as_dsjson_that_the_readers_take()
    {
        string key = await CreateLoop("x", ", \"rewardWaitSeconds\": 0.3, \"defaultReward\": -0.5");
        var chosen = new Dictionary<string, (string Action, double Probability)>();
        for (int i = 0; i < 10; i++)
        {
            var (_, rank, _) = await Send(HttpMethod.Post, "/v1/loops/x/rank", key, RankBody(i % 2 == 0 ? "young" : "old", $"e{i}"));
            string action = rank.GetProperty("actionId").GetString()!;
            double p = rank.GetProperty("ranking").EnumerateArray().First(r => r.GetProperty("id").GetString() == action).GetProperty("probability").GetDouble();
            chosen[$"e{i}"] = (action, p);
            if (i < 6)
            {
                await Send(HttpMethod.Post, $"/v1/loops/x/events/e{i}/reward", key, "{\"value\": 1}");
            }
        }

        await Closed("x", key); // the export writes closed events
        using HttpResponseMessage response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/loops/x/log") { Headers = { { "X-Api-Key", key } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string path = Path.Combine(_data, "export.dsjson");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());

        var examples = new Hindsight.Formats.DsJsonReader(path).Read().ToList();
        Assert.Equal(10, examples.Count);
        foreach (Hindsight.Contextual.CbExample e in examples)
        {
            var (action, p) = chosen[e.Id!];
            int index = action == "news" ? 0 : 1;
            Assert.Equal(index, e.Label!.Value.Action);
            Assert.Equal(p, e.Label.Value.Probability, 1e-6);
            Assert.Equal(int.Parse(e.Id![1..]) < 6 ? -1f : 0.5f, e.Label.Value.Cost);
            Assert.Equal(1.0, e.Probabilities!.Sum(), 1e-6);
            Assert.Equal(p, e.Probabilities![index], 1e-6);
        }
    }
}
