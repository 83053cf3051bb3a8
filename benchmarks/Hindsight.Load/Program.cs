using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

// A load generator for `hindsight serve` over loopback HTTP/1.1 keep-alive connections. Hand-written on raw sockets
// (not HttpClient, not wrk) so that the client costs as little CPU as possible on the same 2 cores as the server, and
// because a reward needs the event id from its rank's response (wrk would need Lua for that).
//
//   hindsight-load --url http://127.0.0.1:5080 --admin-key KEY [--connections 64] [--seconds 10] [--warmup 2] [--json]
//
// It creates a fresh loop, then runs two phases: rank for --seconds (after --warmup seconds not counted), then reward
// every ranked event once for at most --seconds. Each phase reports requests/s and latency percentiles; any answer
// other than 200 is counted as an error (and fails the run with exit code 1).
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: hindsight-load --url http://127.0.0.1:5080 --admin-key KEY [--connections 64] [--seconds 10] [--warmup 2] [--json]");
    return 2;
}

var uri = new Uri(options.Url);
using var http = new HttpClient { BaseAddress = uri };
string loopName = "load-" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/loops")
{
    Content = JsonContent.Create(new { name = loopName, learner = "epsilon-greedy", epsilon = 0.05, interactions = new[] { "UA" }, rewardWaitSeconds = 3600 }),
};
create.Headers.Add("X-Api-Key", options.AdminKey);
using HttpResponseMessage created = await http.SendAsync(create);
if (!created.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"creating the loop failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
    return 1;
}

string loopKey = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
var requests = new RequestFactory(uri, loopName, loopKey);

var rank = await Phase.Run("rank", options, requests, ids: null);
var reward = await Phase.Run("reward", options with { Warmup = 0 }, requests, rank.EventIds);
Phase[] phases = [rank, reward];
if (options.Json)
{
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        url = options.Url,
        connections = options.Connections,
        phases = phases.Select(p => new { name = p.Name, requests = p.Count, errors = p.Errors, seconds = p.Seconds, perSecond = p.PerSecond, p50Ms = p.Percentile(0.50), p99Ms = p.Percentile(0.99), maxMs = p.Percentile(1.0) }),
    }));
}
else
{
    Console.WriteLine($"{options.Connections} connections to {options.Url}, loop {loopName}");
    foreach (Phase p in phases)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Name,-7} {p.Count,9:N0} requests in {p.Seconds:F1} s = {p.PerSecond,8:N0}/s   p50 {p.Percentile(0.5):F2} ms   p99 {p.Percentile(0.99):F2} ms   max {p.Percentile(1):F2} ms   errors {p.Errors}"));
    }
}

return phases.Any(p => p.Errors > 0) ? 1 : 0;

/// <summary>Command-line options.</summary>
internal sealed record LoadOptions(string Url, string AdminKey, int Connections, double Seconds, double Warmup, bool Json)
{
    public static LoadOptions? Parse(string[] args)
    {
        string? url = "http://127.0.0.1:5080", key = Environment.GetEnvironmentVariable("HINDSIGHT_ADMIN_KEY");
        int connections = 64;
        double seconds = 10, warmup = 2;
        bool json = false;
        for (int i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--url": url = Next(); break;
                case "--admin-key": key = Next(); break;
                case "--connections": if (!int.TryParse(Next(), out connections) || connections < 1) { return null; } break;
                case "--seconds": if (!double.TryParse(Next(), CultureInfo.InvariantCulture, out seconds) || seconds <= 0) { return null; } break;
                case "--warmup": if (!double.TryParse(Next(), CultureInfo.InvariantCulture, out warmup) || warmup < 0) { return null; } break;
                case "--json": json = true; break;
                default: return null;
            }
        }

        return url is null || key is null ? null : new LoadOptions(url, key, connections, seconds, warmup, json);
    }
}

/// <summary>The request bytes: 64 rank bodies (users × times of day over 4 actions) and reward requests by event id.</summary>
internal sealed class RequestFactory
{
    private readonly byte[][] _ranks;
    private readonly string _rewardHead;
    private readonly byte[] _rewardBody = "{\"value\":1}"u8.ToArray();

    public RequestFactory(Uri uri, string loop, string key)
    {
        string host = $"{uri.Host}:{uri.Port}";
        _ranks = new byte[64][];
        for (int i = 0; i < _ranks.Length; i++)
        {
            string actions = """[{"id":"news","features":{"Action":{"topic":"news","len":0.3}}},{"id":"sport","features":{"Action":{"topic":"sport","len":0.5}}},{"id":"music","features":{"Action":{"topic":"music","len":0.2}}},{"id":"food","features":{"Action":{"topic":"food","len":0.8}}}]""";
            string context = "{\"User\":{\"id\":\"u" + (i % 16) + "\",\"segment\":\"s" + (i % 4) + "\"},\"Time\":{\"hour\":" + (i % 24) + "}}";
            string body = "{\"context\":" + context + ",\"actions\":" + actions + "}";
            _ranks[i] = Encoding.ASCII.GetBytes($"POST /v1/loops/{loop}/rank HTTP/1.1\r\nHost: {host}\r\nX-Api-Key: {key}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        }

        _rewardHead = $"POST /v1/loops/{loop}/events/{{0}}/reward HTTP/1.1\r\nHost: {host}\r\nX-Api-Key: {key}\r\nContent-Type: application/json\r\nContent-Length: {_rewardBody.Length}\r\n\r\n";
    }

    public byte[] Rank(int i) => _ranks[i % _ranks.Length];

    public byte[] Reward(string eventId) => [.. Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, _rewardHead, eventId)), .. _rewardBody];
}

/// <summary>One phase: every connection sends a request, waits for its answer, and repeats until the time is up.</summary>
internal sealed class Phase
{
    private readonly List<double> _latenciesMs = [];

    private Phase(string name) => Name = name;

    public string Name { get; }

    public long Count => _latenciesMs.Count;

    public long Errors { get; private set; }

    public double Seconds { get; private set; }

    public double PerSecond => Count / Seconds;

    public List<string> EventIds { get; } = [];

    public double Percentile(double q)
    {
        if (_latenciesMs.Count == 0)
        {
            return double.NaN;
        }

        _latenciesMs.Sort();
        int rank = (int)Math.Ceiling(q * _latenciesMs.Count) - 1; // nearest-rank percentile
        return _latenciesMs[Math.Clamp(rank, 0, _latenciesMs.Count - 1)];
    }

    public static async Task<Phase> Run(string name, LoadOptions options, RequestFactory requests, List<string>? ids)
    {
        var phase = new Phase(name);
        long start = Stopwatch.GetTimestamp();
        long measureFrom = start + (long)(options.Warmup * Stopwatch.Frequency);
        long end = measureFrom + (long)(options.Seconds * Stopwatch.Frequency);
        var workers = new Task<Worker>[options.Connections];
        for (int c = 0; c < workers.Length; c++)
        {
            int connection = c;
            workers[c] = Task.Run(async () =>
            {
                var w = new Worker(new Uri(options.Url));
                await w.ConnectAsync();
                for (int i = 0; Stopwatch.GetTimestamp() < end; i++)
                {
                    byte[] request;
                    if (ids is null)
                    {
                        request = requests.Rank(connection + i * 7);
                    }
                    else
                    {
                        int k = connection + i * options.Connections;
                        if (k >= ids.Count)
                        {
                            break;
                        }

                        request = requests.Reward(ids[k]);
                    }

                    long t0 = Stopwatch.GetTimestamp();
                    (int status, string? eventId) = await w.SendAsync(request, wantEventId: ids is null);
                    long t1 = Stopwatch.GetTimestamp();
                    if (t0 >= measureFrom)
                    {
                        w.Latencies.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                        if (status != 200)
                        {
                            w.Errors++;
                        }
                    }

                    if (status == 200 && eventId is not null)
                    {
                        w.EventIds.Add(eventId);
                    }
                }

                w.Dispose();
                return w;
            });
        }

        Worker[] done = await Task.WhenAll(workers);
        phase.Seconds = Math.Max(1e-9, (Math.Min(Stopwatch.GetTimestamp(), end) - Math.Max(start, measureFrom)) / (double)Stopwatch.Frequency);
        foreach (Worker w in done)
        {
            phase._latenciesMs.AddRange(w.Latencies);
            phase.Errors += w.Errors;
            phase.EventIds.AddRange(w.EventIds);
        }

        return phase;
    }
}

/// <summary>One keep-alive connection: writes a request, reads one response (Content-Length or chunked).</summary>
internal sealed class Worker(Uri uri) : IDisposable
{
    private static readonly byte[] EventIdKey = "\"eventId\":\""u8.ToArray();
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    public List<double> Latencies { get; } = new(1 << 16);

    public List<string> EventIds { get; } = new(1 << 16);

    public long Errors { get; set; }

    public async Task ConnectAsync() => await _socket.ConnectAsync(uri.Host, uri.Port);

    public async Task<(int Status, string? EventId)> SendAsync(byte[] request, bool wantEventId)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync();
        }

        headerEnd += _start + 4;
        string head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        int status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        _start = headerEnd;
        var body = new List<byte>();
        int lengthAt = head.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
        if (lengthAt >= 0)
        {
            int eol = head.IndexOf('\r', lengthAt);
            int length = int.Parse(head.AsSpan(lengthAt + 15, eol - lengthAt - 15).Trim(), CultureInfo.InvariantCulture);
            await TakeAsync(length, body);
        }
        else
        {
            while (true) // chunked: size line, data, CRLF; a zero size ends it (no trailers from Kestrel)
            {
                int eol;
                while ((eol = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
                {
                    await FillAsync();
                }

                int size = int.Parse(Encoding.ASCII.GetString(_buffer, _start, eol), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                _start += eol + 2;
                await TakeAsync(size, size > 0 ? body : null);
                await TakeAsync(2, null);
                if (size == 0)
                {
                    break;
                }
            }
        }

        string? eventId = null;
        if (wantEventId && status == 200)
        {
            byte[] bytes = [.. body];
            int at = bytes.AsSpan().IndexOf(EventIdKey);
            if (at >= 0)
            {
                at += EventIdKey.Length;
                int close = bytes.AsSpan(at).IndexOf((byte)'"');
                eventId = Encoding.ASCII.GetString(bytes, at, close);
            }
        }

        return (status, eventId);
    }

    public void Dispose() => _socket.Dispose();

    private async Task TakeAsync(int count, List<byte>? into)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                await FillAsync();
            }

            int n = Math.Min(count, _end - _start);
            into?.AddRange(_buffer.AsSpan(_start, n));
            _start += n;
            count -= n;
        }
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        int read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("the server closed the connection");
        }

        _end += read;
    }
}
