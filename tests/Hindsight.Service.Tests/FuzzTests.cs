using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hindsight.Service.Tests;

/// <summary>
/// Fuzzing over loopback: 13,555 requests (at least 10,000 of them malformed or hostile, asserted by their 4xx count) from a fixed seed — broken and random JSON, wrong types
/// anywhere in a rank request, random bytes, bodies over the size limit, unknown loops and events, wrong or missing keys,
/// wrong methods, odd paths, repeated event ids and rewards after the window — each answered with the 4xx it
/// deserves (problem+json naming a field), never a 5xx; the server ranks and rewards normally afterwards.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const string Admin = ServiceHost.Admin;
    private const int Limit = 16 * 1024;
    private readonly Random _random = new(20261128);
    private readonly List<string> _failures = [];
    private readonly Dictionary<int, int> _statuses = [];
    private ServiceHost? _host;
    private int _sent;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync("fuzz", o => o with { MaxRequestBytes = Limit });

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_4xx_and_the_server_lives_on()
    {
        string key = await CreateLoop("fuzz", "sum", 3600);
        string shortKey = await CreateLoop("brief", "first", 0.2);
        string valid = RankBody();
        Assert.Equal(200, (await Send(HttpMethod.Post, "/v1/loops/fuzz/rank", key, Body(valid))).Status);

        // Broken JSON: every strict prefix of an object is malformed.
        for (int i = 0; i < 2500; i++)
        {
            await Expect("truncated", HttpMethod.Post, "/v1/loops/fuzz/rank", key, valid[.._random.Next(valid.Length)], 400);
        }

        // Byte-level mutations (a flipped, inserted or deleted character): valid or not, never a 5xx.
        for (int i = 0; i < 2000; i++)
        {
            await Expect("mutated", HttpMethod.Post, "/v1/loops/fuzz/rank", key, Mutate(valid), 200, 400, 409);
        }

        // Wrong types at every depth of a rank request.
        for (int i = 0; i < 2500; i++)
        {
            (string body, bool certainlyBad) = WrongType(valid);
            if (certainlyBad)
            {
                await Expect("wrong type (top level)", HttpMethod.Post, "/v1/loops/fuzz/rank", key, body, 400);
            }
            else
            {
                await Expect("wrong type (nested)", HttpMethod.Post, "/v1/loops/fuzz/rank", key, body, 200, 400);
            }
        }

        // Random bytes, invalid UTF-8 included, as a rank, a reward or a new loop.
        for (int i = 0; i < 1500; i++)
        {
            byte[] bytes = new byte[_random.Next(1, 200)];
            _random.NextBytes(bytes);
            if (bytes[0] is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n' or (byte)' ')
            {
                bytes[0] = (byte)'#'; // never a JSON value's first byte: certainly malformed
            }

            (string path, string k) = (i % 3) switch { 0 => ("/v1/loops/fuzz/rank", key), 1 => ("/v1/loops/fuzz/events/x/reward", key), _ => ("/v1/loops", Admin) };
            await Expect("random bytes", HttpMethod.Post, path, k, new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, 400);
        }

        // Bodies over the limit, declared or streamed.
        for (int i = 0; i < 100; i++)
        {
            string huge = "{\"context\": {\"U\": {\"x\": \"" + new string('a', Limit + _random.Next(1, 4 * Limit)) + "\"}}, \"actions\": []}";
            await Expect("oversized", HttpMethod.Post, i % 2 == 0 ? "/v1/loops/fuzz/rank" : "/v1/loops/fuzz/events/x/reward", key, huge, 413);
        }

        // Keys: missing, wrong, another loop's; unknown loops; loop keys on admin endpoints.
        for (int i = 0; i < 1200; i++)
        {
            switch (i % 6)
            {
                case 0: await Expect("no key", HttpMethod.Post, "/v1/loops/fuzz/rank", key: null, valid, 401); break;
                case 1: await Expect("wrong key", HttpMethod.Post, "/v1/loops/fuzz/rank", RandomAscii(_random.Next(1, 80)), valid, 401); break;
                case 2: await Expect("other loop's key", HttpMethod.Get, "/v1/loops/fuzz/stats", shortKey, body: null, 401); break;
                case 3: await Expect("unknown loop", HttpMethod.Post, $"/v1/loops/{RandomName()}/rank", key, valid, 401); break;
                case 4: await Expect("unknown loop (admin)", HttpMethod.Get, $"/v1/loops/{RandomName()}x/stats", Admin, body: null, 404); break;
                default: await Expect("loop key for admin", HttpMethod.Post, "/v1/loops", key, "{\"name\": \"n\"}", 401); break;
            }
        }

        // Rewards: unknown events, wrong value types, out of range, after the window.
        string[] badValues = ["{}", "{\"value\": \"1\"}", "{\"value\": null}", "{\"value\": true}", "{\"value\": [1]}", "{\"value\": 1e300}", "{\"value\": -2e6}", "[1]", "1", "\"x\"", "{\"valu\": 1}"];
        for (int i = 0; i < 1000; i++)
        {
            if (i % 2 == 0)
            {
                await Expect("unknown event", HttpMethod.Post, $"/v1/loops/fuzz/events/{RandomName()}/reward", key, "{\"value\": 1}", 404);
            }
            else
            {
                await Expect("bad reward", HttpMethod.Post, "/v1/loops/fuzz/events/x/reward", key, badValues[_random.Next(badValues.Length)], 400);
            }
        }

        // Repeated event ids and rewards after a closed window (the "first" loop's window is 0.2 s).
        for (int i = 0; i < 50; i++)
        {
            string id = $"dup{i}";
            await Expect("first rank", HttpMethod.Post, "/v1/loops/brief/rank", shortKey, RankBody(id), 200);
            await Expect("repeated event id", HttpMethod.Post, "/v1/loops/brief/rank", shortKey, RankBody(id), 409);
        }

        await Task.Delay(500);
        for (int i = 0; i < 50; i++)
        {
            await Expect("reward after the window", HttpMethod.Post, $"/v1/loops/brief/events/dup{i}/reward", shortKey, "{\"value\": 1}", 409);
        }

        // Loop settings of every wrong type, under a name that exists (valid settings: 409; invalid: 400).
        string[] fields = ["learner", "epsilon", "interactions", "bits", "rewardWaitSeconds", "defaultReward", "aggregation", "colour"];
        for (int i = 0; i < 500; i++)
        {
            string body = $"{{\"name\": \"fuzz\", \"{fields[_random.Next(fields.Length)]}\": {RandomValue(0)}}}";
            await Expect("loop settings", HttpMethod.Post, "/v1/loops", Admin, body, 400, 409);
        }

        // Feature values that would overflow a model's scores, on a SquareCB loop that crosses namespaces and learns
        // quickly; activations of unknown or plain events; deferActivation of every wrong kind.
        string crossKey = await CreateLoop("cross", "sum", 0.05, ", \"learner\": \"squarecb\", \"interactions\": [\"UI\"]");
        for (int i = 0; i < 300; i++)
        {
            switch (i % 3)
            {
                case 0:
                    string big = (_random.Next(2) == 0 ? "-" : string.Empty) + $"{_random.Next(1, 10)}e{_random.Next(7, 39)}";
                    await Expect("huge feature", HttpMethod.Post, "/v1/loops/cross/rank", crossKey, "{\"context\": {\"User\": {\"age\": " + big + "}}, \"actions\": [{\"id\": \"a\", \"features\": {\"Item\": {\"x\": 1}}}, {\"id\": \"b\", \"features\": {\"Item\": {\"y\": 1}}}]}", 400);
                    await Expect("ordinary feature", HttpMethod.Post, "/v1/loops/cross/rank", crossKey, "{\"context\": {\"User\": {\"age\": " + _random.Next(100) + "}}, \"actions\": [{\"id\": \"a\", \"features\": {\"Item\": {\"x\": 1}}}, {\"id\": \"b\", \"features\": {\"Item\": {\"y\": 1}}}]}", 200);
                    break;
                case 1:
                    await Expect("activate unknown", HttpMethod.Post, $"/v1/loops/fuzz/events/{RandomName()}/activate", key, body: null, 404);
                    break;
                default:
                    await Expect("deferActivation type", HttpMethod.Post, "/v1/loops/fuzz/rank", key, valid.Replace("{\"context\"", "{\"deferActivation\": " + RandomValue(2).Replace("true", "1").Replace("false", "0") + ", \"context\"", StringComparison.Ordinal), 400);
                    break;
            }
        }

        // The app's own decisions of every wrong kind; offline-evaluation bodies of every wrong kind; embedding settings
        // of every wrong kind; and mutated ranks on a loop with an embedding table (its IDs of any type).
        string embKey = await CreateLoop("emb", "first", 3600, ", \"embeddings\": {\"user\": \"User.id\", \"item\": \"Item.id\", \"minCount\": 1}");
        string embValid = "{\"context\": {\"User\": {\"id\": \"u1\"}}, \"actions\": [{\"id\": \"a\", \"features\": {\"Item\": {\"id\": \"i1\"}}}, {\"id\": \"b\", \"features\": {\"Item\": {\"id\": 2}}}]}";
        string[] embeddingFields = ["user", "item", "dimensions", "minCount", "ttlSeconds", "maxEntries", "learningRate", "colour"];
        for (int i = 0; i < 1200; i++)
        {
            switch (i % 4)
            {
                case 0:
                    string decision = _random.Next(2) == 0 ? RandomValue(0) : $"{{\"actionId\": {RandomValue(2)}, \"probability\": {RandomValue(2)}}}";
                    await Expect("decision", HttpMethod.Post, "/v1/loops/fuzz/rank", key, valid[..^1] + ", \"decision\": " + decision + "}", 200, 400);
                    break;
                case 1:
                    string evaluation = _random.Next(2) == 0 ? RandomValue(0) : $"{{\"candidates\": [{{\"{fields[_random.Next(fields.Length)]}\": {RandomValue(1)}}}]}}";
                    await Expect("evaluation", HttpMethod.Post, "/v1/loops/brief/evaluation", shortKey, evaluation, 200, 400);
                    break;
                case 2:
                    string embedding = $"{{\"name\": \"fuzz\", \"embeddings\": {(_random.Next(3) == 0 ? RandomValue(0) : $"{{\"user\": \"User.id\", \"item\": \"Item.id\", \"{embeddingFields[_random.Next(embeddingFields.Length)]}\": {RandomValue(1)}}}")}}}";
                    await Expect("embedding settings", HttpMethod.Post, "/v1/loops", Admin, embedding, 400, 409);
                    break;
                default:
                    await Expect("mutated embedding rank", HttpMethod.Post, "/v1/loops/emb/rank", embKey, Mutate(embValid), 200, 400, 409);
                    break;
            }
        }

        // Wrong methods and odd paths.
        string[] paths = ["/v1/loops/fuzz/rank", "/v1/loops/fuzz/events/x/reward", "/v1/loops", "/v1/loops/fuzz/stats", "/v1/loops/fuzz/log"];
        for (int i = 0; i < 500; i++)
        {
            if (i % 2 == 0)
            {
                string path = paths[_random.Next(paths.Length)];
                HttpMethod method = path.EndsWith("stats", StringComparison.Ordinal) || path.EndsWith("log", StringComparison.Ordinal) ? HttpMethod.Delete : (i % 4 == 0 ? HttpMethod.Get : HttpMethod.Put);
                int[] expected = path == "/v1/loops" && method == HttpMethod.Get ? [401] : [404, 405]; // listing loops is the admin's
                await Expect("wrong method", method, path, key, body: null, expected);
            }
            else
            {
                string path = "/" + string.Join('/', Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Uri.EscapeDataString(RandomText(_random.Next(1, 12)))));
                await Expect("odd path", HttpMethod.Post, path, key, valid, 401, 404, 405);
            }
        }

        int refused = _statuses.Where(p => p.Key is >= 400 and < 500).Sum(p => p.Value);
        Assert.True(refused >= 10_000, $"only {refused} of {_sent} requests were refused with a 4xx");
        Assert.False(_statuses.Keys.Any(s => s >= 500), "5xx answers: " + string.Join(", ", _statuses.Where(p => p.Key >= 500)));
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_sent} answers were not as expected:\n" + string.Join('\n', _failures.Take(20)));

        // Alive: health, a valid rank and its reward.
        Assert.Equal(200, (await Send(HttpMethod.Get, "/health", null, null)).Status);
        (int status, string text, _) = await Send(HttpMethod.Post, "/v1/loops/fuzz/rank", key, Body(valid));
        Assert.Equal(200, status);
        string eventId = JsonDocument.Parse(text).RootElement.GetProperty("eventId").GetString()!;
        Assert.Equal(200, (await Send(HttpMethod.Post, $"/v1/loops/fuzz/events/{eventId}/reward", key, Body("{\"value\": 1}"))).Status);
    }

    private static string RankBody(string? eventId = null)
        => "{" + (eventId is null ? string.Empty : $"\"eventId\": \"{eventId}\", ")
            + "\"context\": {\"User\": {\"kind\": \"young\", \"age\": 31, \"tags\": [1, 2.5]}}, "
            + "\"actions\": [{\"id\": \"news\", \"features\": {\"Item\": {\"topic\": \"news\", \"len\": 0.3}}}, {\"id\": \"sport\", \"features\": {\"Item\": {\"topic\": \"sport\"}}}]}";

    private static StringContent Body(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<string> CreateLoop(string name, string aggregation, double wait, string more = "")
    {
        (int status, string text, _) = await Send(HttpMethod.Post, "/v1/loops", Admin, Body($"{{\"name\": \"{name}\", \"aggregation\": \"{aggregation}\", \"rewardWaitSeconds\": {wait}{more}}}"));
        Assert.Equal(201, status);
        return JsonDocument.Parse(text).RootElement.GetProperty("key").GetString()!;
    }

    private Task Expect(string what, HttpMethod method, string path, string? key, string? body, params int[] expected)
        => Expect(what, method, path, key, body is null ? null : Body(body), expected);

    private async Task Expect(string what, HttpMethod method, string path, string? key, HttpContent? content, params int[] expected)
    {
        (int status, string text, string? type) = await Send(method, path, key, content);
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        string? problem = null;
        if (!expected.Contains(status))
        {
            problem = $"expected {string.Join('/', expected)}, got {status}";
        }
        else if (status >= 400 && (type != "application/problem+json" || !HasField(text)))
        {
            problem = $"a {status} that is not problem+json with a field: {type} {text}";
        }

        if (problem is not null)
        {
            _failures.Add($"{what}: {method} {path}: {problem}");
        }
    }

    private async Task<(int Status, string Text, string? Type)> Send(HttpMethod method, string path, string? key, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        using HttpResponseMessage response = await _host!.Client.SendAsync(request);
        _sent++;
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static bool HasField(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("field", out JsonElement f) && f.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private string Mutate(string s)
    {
        int at = _random.Next(s.Length);
        const string alphabet = "{}[]\":,.-+e0123456789 \\abcnultrf\u00e9\u2028\0";
        return _random.Next(3) switch
        {
            0 => s[..at] + alphabet[_random.Next(alphabet.Length)] + s[(at + 1)..],
            1 => s[..at] + alphabet[_random.Next(alphabet.Length)] + s[at..],
            _ => s[..at] + s[(at + 1)..],
        };
    }

    /// <summary>Replaces one value of the request, at any depth, by a value of another kind. Top-level members
    /// (context, actions, eventId, the actions' id and features) given a wrong kind make a request that must be refused.</summary>
    private (string Body, bool CertainlyBad) WrongType(string valid)
    {
        JsonNode root = JsonNode.Parse(valid)!;
        var slots = new List<(JsonNode Parent, object Key, int Depth)>();
        Collect(root, 0, slots);
        (JsonNode parent, object key, int depth) = slots[_random.Next(slots.Count)];
        JsonNode? old = parent is JsonObject o ? o[(string)key] : ((JsonArray)parent)[(int)key];
        JsonValueKind oldKind = old?.GetValueKind() ?? JsonValueKind.Null;
        JsonNode? replacement;
        do
        {
            replacement = JsonNode.Parse(RandomValue(0));
        }
        while ((replacement?.GetValueKind() ?? JsonValueKind.Null) == oldKind);

        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }

        bool certainlyBad = depth == 0 && key is "context" or "actions" || depth == 2 && key is "id" or "features" || key is "eventId";
        return (root.ToJsonString(), certainlyBad);
    }

    private static void Collect(JsonNode node, int depth, List<(JsonNode, object, int)> slots)
    {
        if (node is JsonObject o)
        {
            foreach ((string k, JsonNode? v) in o.ToList())
            {
                slots.Add((o, k, depth));
                if (v is not null)
                {
                    Collect(v, depth + 1, slots);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                slots.Add((a, i, depth));
                if (a[i] is { } v)
                {
                    Collect(v, depth + 1, slots);
                }
            }
        }
    }

    private string RandomValue(int depth) => _random.Next(depth > 2 ? 6 : 8) switch
    {
        0 => "null",
        1 => _random.Next(2) == 0 ? "true" : "false",
        2 => (_random.NextDouble() * 2e6 - 1e6).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        3 => _random.Next(4) switch { 0 => "1e308", 1 => "-1e-320", 2 => "123456789012345678901234567890", _ => "0" },
        4 => JsonSerializer.Serialize(RandomText(_random.Next(0, 20))),
        5 => "\"\"",
        6 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(i => $"{JsonSerializer.Serialize(RandomText(_random.Next(1, 6)))}: {RandomValue(depth + 1)}")) + "}",
    };

    private string RandomText(int length)
    {
        var b = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            b.Append(_random.Next(10) switch { 0 => (char)_random.Next(0x20, 0x7f), 1 => (char)_random.Next(0xa0, 0x3000), _ => (char)_random.Next('a', 'z' + 1) });
        }

        return b.ToString();
    }

    private string RandomAscii(int length) => new(Enumerable.Range(0, length).Select(_ => (char)_random.Next(0x21, 0x7f)).ToArray());

    private string RandomName() => "zz" + _random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
