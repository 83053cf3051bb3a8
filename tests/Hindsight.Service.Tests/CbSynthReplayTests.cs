using System.IO.Compression;
using System.Numerics.Tensors;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Exploration;
using Hindsight.Formats;
using Hindsight.Numerics;
using Hindsight.Tests;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace Hindsight.Service.Tests;

/// <summary>
/// A simulated client replays the uniformly logged cb-synth stream through the API with the replay method (Li et al.,
/// WSDM 2011): every logged decision is ranked as a deferred event; when the service picks the logged action the client
/// activates the event and reports the logged reward, otherwise the event is never activated and never learned. The
/// mean cost of the accepted events estimates the online cost of the loop's learner. Driven over HTTP, the service
/// must reproduce exactly what the same learner earns when the same replay runs in process — same draws, same updates,
/// same estimate — and it must learn: its cost ends below the best single action's.
/// </summary>
public sealed class CbSynthReplayTests(ITestOutputHelper output)
{
    private const string Admin = "admin-key-0123456789";
    private const int Events = 20_000;
    private const ulong Seed = 7;

    /// <summary>Both replays' loop: the learner of <c>hindsight cb --learner epsilon-greedy -q sa</c>, rewards final at
    /// the first (so each event is learned as soon as it is rewarded), a window longer than the run.</summary>
    private static readonly LoopSettings Settings = new(Learner: "epsilon-greedy", Epsilon: 0.05, Interactions: ["sa"], RewardWaitSeconds: 3600, Aggregation: "first");

    [SkippableFact]
    public async Task Replaying_cb_synth_through_the_api_earns_what_the_learner_earns_in_process()
    {
        List<byte[]> lines = Stream();

        (double apiCost, int apiAccepted, JsonElement apiGreedy) = await ReplayThroughApi(lines, Settings);
        (double localCost, int localAccepted, OffPolicyEstimate localGreedy) = ReplayInProcess(lines, Settings);

        output.WriteLine($"replayed through the API: mean cost {apiCost:F4} over {apiAccepted} accepted events of {Events}; in process: {localCost:F4} over {localAccepted}");
        Assert.Equal(localAccepted, apiAccepted);
        Assert.Equal(localCost, apiCost, 12);

        // The stats' learned-policy value is the same progressive IPS estimate of the model's first choice.
        Assert.Equal(localGreedy.Samples, apiGreedy.GetProperty("events").GetInt64());
        Assert.Equal(localGreedy.Value, apiGreedy.GetProperty("value").GetDouble(), 12);
        Assert.Equal(localGreedy.Low, apiGreedy.GetProperty("low").GetDouble(), 12);
        Assert.Equal(localGreedy.High, apiGreedy.GetProperty("high").GetDouble(), 12);
        Assert.InRange(apiAccepted, Events / 10 * 0.9, Events / 10 * 1.1); // about 1/K of a uniformly logged stream
        Assert.True(apiCost < 0.322, $"replayed cost {apiCost:F4} over {apiAccepted} accepted events: not below the best single action (0.322)");
    }

    /// <summary>
    /// The app logs its own decisions (the stream's uniformly drawn actions, with their probability 0.1) through rank's
    /// <c>decision</c> and reports each cost as a reward: the loop learns exactly the stream <c>hindsight cb</c> learns. The
    /// client scores each rank's answer before its reward — the loop's probability of the logged action times its cost
    /// over 0.1, progressive validation as <c>hindsight cb</c> computes its average loss — and must land within 0.01 of
    /// <c>hindsight cb</c>'s loss with the same learner (the bar; here they agree to rounding, as nothing differs).
    /// </summary>
    [SkippableFact]
    public async Task Logged_decisions_replayed_through_the_api_earn_what_hindsight_cb_earns()
    {
        List<byte[]> lines = Stream();
        (long cbExamples, double cbLoss) = ProgressiveValidation.Run(lines.Select(l => DsJsonReader.ParseEvent(l)!), Settings.CreateLearner());

        string data = Directory.CreateTempSubdirectory("hindsight-cbsynth-").FullName;
        WebApplication app = DecisionService.Build(new ServiceOptions(data, Admin, "http://127.0.0.1:0", ExplorationSeed: Seed));
        await app.StartAsync();
        try
        {
            using HttpClient client = await CreateLoop(app, Settings);
            double loss = 0;
            foreach (byte[] line in lines)
            {
                using JsonDocument logged = JsonDocument.Parse(line);
                JsonElement root = logged.RootElement;
                int action = root.GetProperty("_labelIndex").GetInt32();
                float probability = root.GetProperty("_label_probability").GetSingle();
                double cost = root.GetProperty("_label_cost").GetDouble();
                string eventId = root.GetProperty("EventId").GetString()!;
                using HttpResponseMessage rank = await client.PostAsync("/v1/loops/cbsynth/rank", new StringContent(RankRequest(eventId, root.GetProperty("c"), ($"a{action}", probability)), Encoding.UTF8, "application/json"));
                rank.EnsureSuccessStatusCode();
                JsonElement answer = JsonDocument.Parse(await rank.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal($"a{action}", answer.GetProperty("actionId").GetString()); // the app's decision stands
                float pi = answer.GetProperty("ranking").EnumerateArray().Single(r => r.GetProperty("id").GetString() == $"a{action}").GetProperty("probability").GetSingle();
                loss += pi * cost / probability;
                (await client.PostAsync($"/v1/loops/cbsynth/events/{eventId}/reward", JsonContent.Create(new { value = -cost }))).EnsureSuccessStatusCode();
            }

            loss /= lines.Count;
            output.WriteLine($"{lines.Count} logged decisions through the API: progressive loss {loss:F6}; hindsight cb's learner on the same stream: {cbLoss:F6} over {cbExamples}");
            Assert.Equal(lines.Count, cbExamples);
            Assert.True(Math.Abs(loss - cbLoss) <= 0.01, $"through the API {loss:F6}, hindsight cb {cbLoss:F6}: more than 0.01 apart");
            Assert.Equal(cbLoss, loss, 9); // the same learner, the same examples in the same order: equal but for float rounding

            using HttpResponseMessage stats = await client.GetAsync("/v1/loops/cbsynth/stats");
            JsonElement s = JsonDocument.Parse(await stats.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(lines.Count, s.GetProperty("rewardedEvents").GetInt64());
            Assert.Equal(0, s.GetProperty("explorationRate").GetDouble()); // the app decided: the loop explored nothing
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<HttpClient> CreateLoop(WebApplication app, LoopSettings settings)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/loops")
        {
            Content = JsonContent.Create(new { name = "cbsynth", learner = settings.Learner, epsilon = settings.Epsilon, interactions = settings.Interactions, rewardWaitSeconds = settings.RewardWaitSeconds, aggregation = settings.Aggregation }),
        };
        create.Headers.Add("X-Api-Key", Admin);
        using HttpResponseMessage created = await client.SendAsync(create);
        created.EnsureSuccessStatusCode();
        string key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<(double Cost, int Accepted, JsonElement GreedyValue)> ReplayThroughApi(List<byte[]> lines, LoopSettings settings)
    {
        string data = Directory.CreateTempSubdirectory("hindsight-cbsynth-").FullName;
        WebApplication app = DecisionService.Build(new ServiceOptions(data, Admin, "http://127.0.0.1:0", ExplorationSeed: Seed));
        await app.StartAsync();
        try
        {
            using HttpClient client = await CreateLoop(app, settings);

            double costs = 0;
            int accepted = 0;
            for (int i = 0; i < lines.Count; i++)
            {
                using JsonDocument logged = JsonDocument.Parse(lines[i]);
                JsonElement c = logged.RootElement.GetProperty("c");
                int loggedAction = logged.RootElement.GetProperty("_labelIndex").GetInt32();
                double cost = logged.RootElement.GetProperty("_label_cost").GetDouble();
                using HttpResponseMessage rank = await client.PostAsync("/v1/loops/cbsynth/rank", new StringContent(RankRequest($"e{i}", c), Encoding.UTF8, "application/json"));
                rank.EnsureSuccessStatusCode();
                string chosen = JsonDocument.Parse(await rank.Content.ReadAsStringAsync()).RootElement.GetProperty("actionId").GetString()!;
                if (chosen != $"a{loggedAction}")
                {
                    continue; // not the logged action: its reward is unknown; never activated, never learned
                }

                (await client.PostAsync($"/v1/loops/cbsynth/events/e{i}/activate", null)).EnsureSuccessStatusCode();
                (await client.PostAsync($"/v1/loops/cbsynth/events/e{i}/reward", JsonContent.Create(new { value = -cost }))).EnsureSuccessStatusCode();
                costs += cost;
                accepted++;
            }

            using HttpResponseMessage stats = await client.GetAsync("/v1/loops/cbsynth/stats");
            JsonElement s = JsonDocument.Parse(await stats.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(lines.Count, s.GetProperty("events").GetInt64());
            Assert.Equal(accepted, s.GetProperty("closedEvents").GetInt64()); // learned at the first reward ("first" makes it final)
            return (costs / accepted, accepted, s.GetProperty("learnedPolicyValue").Clone());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The same replay without the service: the loop's learner, its seeded draws, learning each accepted event
    /// with the probability it was drawn with.</summary>
    private static (double Cost, int Accepted, OffPolicyEstimate GreedyValue) ReplayInProcess(List<byte[]> lines, LoopSettings settings)
    {
        IContextualLearner learner = settings.CreateLearner();
        var rng = new SeededRandom(Seed);
        var greedy = new OnlineIps();
        float[] pmf = new float[16];
        double costs = 0;
        int accepted = 0;
        foreach (byte[] line in lines)
        {
            CbExample example = DsJsonReader.ParseEvent(line)!;
            CbLabel label = example.Label!.Value;
            Span<float> p = pmf.AsSpan(0, example.Actions.Count);
            learner.Predict(example, p);
            int chosen = Explore.Sample(p, rng.NextDouble());
            if (chosen == label.Action)
            {
                greedy.Add(TensorPrimitives.IndexOfMax<float>(p) == chosen ? -(double)label.Cost / p[chosen] : 0); // before it learns, in double as the service
                learner.Learn(example with { Label = new CbLabel(chosen, label.Cost, p[chosen]) });
                costs += label.Cost;
                accepted++;
            }
        }

        return (costs / accepted, accepted, greedy.Estimate());
    }

    /// <summary>A logged decision's <c>c</c> as a rank request: the context's namespaces, and each of <c>_multi</c> as action a{i}.</summary>
    private static string RankRequest(string eventId, JsonElement c, (string ActionId, float Probability)? decision = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventId", eventId);
            w.WriteBoolean("deferActivation", decision is null);
            w.WritePropertyName("context");
            w.WriteStartObject();
            foreach (JsonProperty p in c.EnumerateObject().Where(p => p.Name != "_multi"))
            {
                p.WriteTo(w);
            }

            w.WriteEndObject();
            w.WriteStartArray("actions");
            int i = 0;
            foreach (JsonElement action in c.GetProperty("_multi").EnumerateArray())
            {
                w.WriteStartObject();
                w.WriteString("id", $"a{i++}");
                w.WritePropertyName("features");
                action.WriteTo(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (decision is { } d)
            {
                w.WriteStartObject("decision");
                w.WriteString("actionId", d.ActionId);
                w.WriteNumber("probability", d.Probability);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The first <see cref="Events"/> lines of cb-synth's DSJson (the test is skipped without the data).</summary>
    private static List<byte[]> Stream()
    {
        string? path = RepositoryPaths.Shared("cb-synth/cb_synth.dsjson.gz");
        Skip.If(path is null, "../shared/data/cb-synth is not beside this checkout");
        return ReadLines(path!, Events);
    }

    private static List<byte[]> ReadLines(string path, int count)
    {
        var lines = new List<byte[]>(count);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (lines.Count < count && reader.ReadLine() is { } line)
        {
            lines.Add(Encoding.UTF8.GetBytes(line));
        }

        return lines;
    }
}
