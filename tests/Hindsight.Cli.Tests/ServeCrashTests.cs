using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Hindsight.Service.Storage;
using Xunit.Abstractions;

namespace Hindsight.Cli.Tests;

/// <summary>
/// Durability of <c>hindsight serve</c> itself: the server runs as its own process under HTTP load from 16 clients
/// (each ranks, then rewards what it ranked); it is killed with SIGKILL at a different point each time, 20 times over
/// the same data folder; after each kill every rank and reward that was answered 200 is in the log, and the restarted
/// server (rebuilt from its last model snapshot, taken every 0.2 s, and replay of the log after it) knows every
/// acknowledged event exactly once, has learned every rewarded one, and takes a reward for an acknowledged event.
/// </summary>
public class ServeCrashTests(ITestOutputHelper output)
{
    private const string Admin = "crash-admin-key-0123456789";

    [Fact]
    public async Task Twenty_sigkills_under_http_load_lose_no_acknowledged_rank_or_reward()
    {
        string folder = Directory.CreateTempSubdirectory("hindsight-serve-crash-").FullName;
        var ranked = new ConcurrentDictionary<string, bool>();
        var rewarded = new ConcurrentDictionary<string, bool>();
        string? loopKey = null;
        int requests = 0, resumed = 0;
        long storedEvents = 0, storedRewarded = 0;
        int checkedRewards = 0;
        string? unrewarded = null; // an acknowledged event with no reward on disk
        for (int restart = 0; restart < 20; restart++)
        {
            using Process server = StartServer(folder, out Uri url);
            using var client = new HttpClient { BaseAddress = url };
            try
            {
                if (loopKey is null)
                {
                    using HttpResponseMessage created = await Post(client, "/v1/loops", Admin, "{\"name\": \"crash\", \"rewardWaitSeconds\": 3600, \"aggregation\": \"first\"}");
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    loopKey = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
                }
                else
                {
                    // The restarted model (its last snapshot, plus replay of the log after the snapshot's cut) knows every
                    // logged event once and has learned every rewarded one (under "first" the first reward is final).
                    using var get = new HttpRequestMessage(HttpMethod.Get, "/v1/loops/crash/stats") { Headers = { { "X-Api-Key", loopKey } } };
                    using HttpResponseMessage statsResponse = await client.SendAsync(get);
                    JsonElement stats = JsonDocument.Parse(await statsResponse.Content.ReadAsStringAsync()).RootElement;
                    Assert.Equal(storedEvents, stats.GetProperty("events").GetInt64());
                    Assert.Equal(storedRewarded, stats.GetProperty("closedEvents").GetInt64());
                    resumed += stats.GetProperty("replayedEvents").GetInt64() < storedEvents ? 1 : 0;

                    // The restarted server knows an event acknowledged before the last kill: its first reward is taken.
                    if (unrewarded is not null)
                    {
                        using HttpResponseMessage reward = await Post(client, $"/v1/loops/crash/events/{unrewarded}/reward", loopKey, "{\"value\": 1}");
                        Assert.Equal(HttpStatusCode.OK, reward.StatusCode);
                        rewarded[unrewarded] = true;
                        checkedRewards++;
                    }
                }

                int target = ranked.Count + 150 + (restart * 37 % 200); // kill at a different point each time
                using var stop = new CancellationTokenSource();
                int round = restart;
                Task[] clients = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
                {
                    for (int i = 0; !stop.IsCancellationRequested; i++)
                    {
                        string id = $"r{round}-c{c}-{i}";
                        try
                        {
                            using HttpResponseMessage rank = await Post(client, "/v1/loops/crash/rank", loopKey!, $"{{\"eventId\": \"{id}\", \"context\": {{\"U\": {{\"c\": {c}}}}}, \"actions\": [{{\"id\": \"a\", \"features\": {{\"A\": {{\"x\": 1}}}}}}, {{\"id\": \"b\", \"features\": {{\"A\": {{\"y\": 1}}}}}}]}}");
                            Interlocked.Increment(ref requests);
                            if (rank.StatusCode != HttpStatusCode.OK)
                            {
                                continue;
                            }

                            ranked[id] = true;
                            using HttpResponseMessage reward = await Post(client, $"/v1/loops/crash/events/{id}/reward", loopKey!, "{\"value\": 0.5}");
                            Interlocked.Increment(ref requests);
                            if (reward.StatusCode == HttpStatusCode.OK)
                            {
                                rewarded[id] = true;
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return; // the server is gone: this client stops
                        }
                    }
                })).ToArray();

                var watch = Stopwatch.StartNew();
                while (ranked.Count < target && watch.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(5);
                }

                server.Kill(entireProcessTree: true); // SIGKILL: no flush, no shutdown, requests in flight
                await server.WaitForExitAsync();
                await stop.CancelAsync();
                await Task.WhenAll(clients);
                Assert.True(ranked.Count >= target, $"restart {restart}: only {ranked.Count} events acknowledged after 60 s");
            }
            finally
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true); // a failed assertion must not leave a server behind
                }
            }

            await using EventStore store = EventStore.Open(folder);
            HashSet<string> events = store.Events("crash").Select(e => e.EventId).ToHashSet();
            HashSet<string> rewards = store.Rewards("crash").Select(r => r.EventId).ToHashSet();
            Assert.Empty(ranked.Keys.Except(events));
            Assert.Empty(rewarded.Keys.Except(rewards));
            (storedEvents, storedRewarded) = (events.Count, rewards.Count);
            unrewarded = ranked.Keys.FirstOrDefault(id => !rewards.Contains(id));
        }

        output.WriteLine($"{resumed} of 19 restarts resumed from a model snapshot; {checkedRewards} late rewards for acknowledged events taken");
        // A snapshot file, once written, stays: only the first restart may find none (a first run shorter than 0.2 s).
        Assert.True(resumed >= 18, $"only {resumed} of 19 restarts resumed from a model snapshot");

        Assert.True(ranked.Count >= 20 * 150 && rewarded.Count >= 20 * 100, $"{ranked.Count} events and {rewarded.Count} rewards acknowledged in {requests} requests");
        Directory.Delete(folder, recursive: true);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>Starts <c>hindsight serve</c> on a free port and waits for its "listening on URL" line.</summary>
    private static Process StartServer(string folder, out Uri url)
    {
        var info = new ProcessStartInfo("dotnet", [CliAssembly(), "serve", "--urls", "http://127.0.0.1:0", "--data", folder, "--admin-key", Admin, "--snapshot-seconds", "0.2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        string? line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"serve did not start: {line} {process.StandardError.ReadToEnd()}");
        }

        url = new Uri(line["listening on ".Length..line.IndexOf(',', StringComparison.Ordinal)]);
        _ = process.StandardOutput.ReadToEndAsync(); // drained, so that a talkative server never blocks on a full pipe
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static string CliAssembly()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Hindsight.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        string path = Path.Combine(dir!, "src", "Hindsight.Cli", "bin", configuration, "net10.0", "Hindsight.Cli.dll");
        Assert.True(File.Exists(path), $"the CLI is built with the tests: {path}");
        return path;
    }
}
