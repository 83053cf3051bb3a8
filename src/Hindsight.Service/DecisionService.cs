using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Formats;
using Hindsight.Evaluation;
using Hindsight.Service.Api;
using Hindsight.Service.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hindsight.Service;

/// <summary>
/// The decision service: loops that rank actions for a context and learn from rewards joined to their events, over
/// HTTP (ASP.NET Core minimal API). Every acknowledged rank and reward is on disk before the response
/// (<see cref="EventStore"/>); on start the loops are rebuilt by replaying the log.
/// </summary>
/// <remarks>
/// Endpoints (all but <c>/health</c> need the <c>X-Api-Key</c> header: the admin key, or the loop's key for its own
/// loop): <c>GET /health</c>; <c>POST /v1/loops</c> (admin; body: name and <see cref="LoopSettings"/>; returns the
/// loop's key once); <c>POST /v1/loops/{loop}/rank</c> (body: optional eventId, deferActivation and decision (the app's own choice and its probability), context — DSJson-shaped
/// namespaces — and actions [{id, features}]); <c>POST /v1/loops/{loop}/events/{id}/reward</c> (body: {value});
/// <c>POST /v1/loops/{loop}/events/{id}/activate</c> (a deferred event); <c>GET /v1/loops/{loop}/stats</c> (counters and
/// the learned policy's estimated value); <c>GET /v1/loops/{loop}/log</c> (the closed events as DSJson, see
/// <see cref="DsJsonExport"/>); <c>GET /openapi/v1.json</c> (any valid key). Errors are RFC 7807 problem+json with a
/// <c>field</c> member naming what is wrong.
/// <c>GET /v1/loops</c> (admin: every loop's stats) feeds the static page <c>GET /dashboard</c>.
/// Not yet: snapshots (the model is rebuilt by replay), the embedding table.
/// </remarks>
public static class DecisionService
{
    private const string KeyHeader = "X-Api-Key";

    private static readonly Lazy<byte[]> Dashboard = new(() =>
    {
        using Stream page = typeof(DecisionService).Assembly.GetManifestResourceStream("dashboard.html")!;
        using var bytes = new MemoryStream();
        page.CopyTo(bytes);
        return bytes.ToArray();
    });

    /// <summary>Builds the web application (not started).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The application; dispose it to flush and close the store.</returns>
    public static WebApplication Build(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AdminKey) || options.AdminKey.Length < 16)
        {
            throw new ArgumentException("The admin key must be at least 16 characters.", nameof(options));
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production }); // never a developer error page
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Hindsight decision service";
            document.Info.Description = "Loops that rank actions and learn from rewards. Every endpoint but /health needs the X-Api-Key header: the admin key, or a loop's key for its own loop. Errors are RFC 7807 problem+json with a 'field' member.";
            return Task.CompletedTask;
        }));
        var state = new ServiceState(EventStore.Open(options.DataDirectory), options);
        List<string> warnings = state.Restore();
        builder.Services.AddSingleton(state);
        builder.Services.AddHostedService(sp => new WindowCloser(state, sp.GetRequiredService<ILogger<WindowCloser>>()));
        if (options.SnapshotSeconds > 0)
        {
            builder.Services.AddHostedService(sp => new SnapshotWriter(state, TimeSpan.FromSeconds(options.SnapshotSeconds), sp.GetRequiredService<ILogger<SnapshotWriter>>()));
        }

        WebApplication app = builder.Build();
        foreach (string warning in warnings)
        {
            app.Logger.LogWarning("{Warning}", warning);
        }

        app.UseExceptionHandler(); // an unexpected failure is a problem+json 500 without details
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            state.Store.DisposeAsync().AsTask().GetAwaiter().GetResult(); // every queued write on disk first
            foreach (Loop loop in state.Loops.Values)
            {
                try
                {
                    state.SaveSnapshot(loop); // the model as it stops: the next start replays only what came after
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    app.Logger.LogError(ex, "Loop {Loop}: the shutdown snapshot failed; the next start replays more of the log", loop.Name);
                }
            }
        });

        app.MapGet("/health", () => Results.Json(new Health("ok"), ServiceJson.Default.Health))
            .WithSummary("Liveness (no key)").Produces<Health>();
        app.MapGet("/v1/loops", (HttpContext http) => ListLoops(http, state))
            .WithSummary("Every loop's stats (admin key)").Produces<LoopStats[]>().ProducesProblem(401);
        app.MapGet("/dashboard", () => Results.Bytes(Dashboard.Value, "text/html; charset=utf-8"))
            .WithSummary("The dashboard page: static, no data of its own; it asks for the admin key and reads GET /v1/loops with it").Produces(200, contentType: "text/html");
        app.MapPost("/v1/loops", (Delegate)((HttpContext http) => CreateLoop(http, state))) // a route handler: its IResult is written
            .WithSummary("Create a loop (admin key); its key is returned once").Accepts<CreateLoopRequest>("application/json")
            .Produces<CreatedLoop>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(409).ProducesProblem(413).ProducesProblem(503);
        app.MapPost("/v1/loops/{loop}/rank", (HttpContext http, string loop) => Rank(http, state, loop))
            .WithSummary("Rank actions for a context: the action to take, and every action's probability").Accepts<RankRequest>("application/json")
            .Produces<RankResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(409).ProducesProblem(413).ProducesProblem(503);
        app.MapPost("/v1/loops/{loop}/events/{id}/reward", (HttpContext http, string loop, string id) => Reward(http, state, loop, id))
            .WithSummary("Report an event's reward while its window is open").Accepts<RewardRequest>("application/json")
            .Produces<RewardResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(503);
        app.MapPost("/v1/loops/{loop}/events/{id}/activate", (HttpContext http, string loop, string id) => Activate(http, state, loop, id))
            .WithSummary("Activate a deferred event: it will be learned").Produces<ActivateResponse>().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);
        app.MapGet("/v1/loops/{loop}/stats", (HttpContext http, string loop) => Stats(http, state, loop))
            .WithSummary("The loop's counters").Produces<LoopStats>().ProducesProblem(401).ProducesProblem(404);
        app.MapGet("/v1/loops/{loop}/log", (HttpContext http, string loop) => Log(http, state, loop))
            .WithSummary("The closed events as DSJson lines").Produces(200, contentType: "application/x-ndjson").ProducesProblem(401).ProducesProblem(404);
        app.MapPost("/v1/loops/{loop}/evaluation", (HttpContext http, string loop) => Evaluate(http, state, loop))
            .WithSummary("Offline evaluation of the loop's closed events: the live policy, the baseline (first action), uniform, the loop's own settings and candidate settings, with 95% CIs")
            .Accepts<EvaluationRequest>("application/json").Produces<EvaluationResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(413).ProducesProblem(429);
        app.MapOpenApi("/openapi/v1.json").AddEndpointFilter(async (context, next) => // any valid key reads it: no endpoint but health without one
            state.IsKnownKey(context.HttpContext.Request.Headers[KeyHeader]) ? await next(context) : Unauthorized(context.HttpContext));
        app.MapFallback("{*path}", () => Problem(404, "not found", "no such endpoint", "path")); // every path, file-like ones too
        return app;
    }

    private static async Task<IResult> CreateLoop(HttpContext http, ServiceState state)
    {
        if (!state.IsAdmin(http.Request.Headers[KeyHeader]))
        {
            return Unauthorized(http);
        }

        if (state.Overloaded(http) is { } busy)
        {
            return busy;
        }

        (JsonDocument? body, IResult? error) = await ReadBody(http);
        if (error is not null)
        {
            return error;
        }

        using (body)
        {
            JsonElement root = body!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out JsonElement n) || n.ValueKind != JsonValueKind.String || !IsName(n.GetString()!))
            {
                return Problem(400, "bad request", "a loop needs a name: 1 to 64 letters, digits, '-' or '_'", "name");
            }

            if (!LoopSettings.TryRead(root, out LoopSettings settings, out string field, out string problem))
            {
                return Problem(400, "bad request", problem, field);
            }

            string name = n.GetString()!;
            string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            var loop = new Loop(name, settings, Hash(key), state.Seed);
            if (!state.Loops.TryAdd(name, loop))
            {
                return Problem(409, "conflict", $"a loop named '{name}' exists", "name");
            }

            bool written = await Settle(
                state.Store.AppendAsync(new StoredLoop(name, JsonSerializer.Serialize(settings, ServiceJson.Default.LoopSettings), loop.KeyHash, Now())),
                ok =>
                {
                    if (!ok)
                    {
                        state.Loops.TryRemove(new KeyValuePair<string, Loop>(name, loop)); // not on disk: not in memory either
                    }
                });
            if (!written)
            {
                return Problem(409, "conflict", $"a loop named '{name}' exists", "name");
            }

            return Results.Json(new CreatedLoop(name, key, settings), ServiceJson.Default.CreatedLoop, statusCode: 201);
        }
    }

    private static async Task<IResult> Rank(HttpContext http, ServiceState state, string name)
    {
        (Loop? loop, JsonDocument? body, IResult? problem) = await Open(http, state, name);
        if ((problem ?? state.Overloaded(http, loop)) is { } refused)
        {
            body?.Dispose();
            return refused;
        }

        using (body)
        {
            JsonElement root = body!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem(400, "bad request", "the body must be a JSON object with context and actions", "body");
            }

            string eventId = Guid.NewGuid().ToString("N");
            bool chosenByClient = root.TryGetProperty("eventId", out JsonElement idElement);
            if (chosenByClient)
            {
                if (idElement.ValueKind != JsonValueKind.String || !IsName(idElement.GetString()!))
                {
                    return Problem(400, "bad request", "eventId must be 1 to 64 letters, digits, '-' or '_'", "eventId");
                }

                eventId = idElement.GetString()!;
            }

            bool deferred = false;
            if (root.TryGetProperty("deferActivation", out JsonElement deferElement))
            {
                if (deferElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Problem(400, "bad request", "deferActivation must be true or false", "deferActivation");
                }

                deferred = deferElement.GetBoolean();
            }

            if (!root.TryGetProperty("context", out JsonElement context) || context.ValueKind != JsonValueKind.Object)
            {
                return Problem(400, "bad request", "context must be an object of namespaces, as DSJson's c", "context");
            }

            if (!root.TryGetProperty("actions", out JsonElement actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() is 0 or > 1000)
            {
                return Problem(400, "bad request", "actions must be a list of 1 to 1000 {id, features}", "actions");
            }

            var ids = new List<string>();
            int i = 0;
            foreach (JsonElement a in actions.EnumerateArray())
            {
                if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty("id", out JsonElement aid) || aid.ValueKind != JsonValueKind.String)
                {
                    return Problem(400, "bad request", "each action needs a string id", $"actions[{i}].id");
                }

                if (!a.TryGetProperty("features", out JsonElement f) || f.ValueKind != JsonValueKind.Object)
                {
                    return Problem(400, "bad request", "each action needs features: an object of namespaces", $"actions[{i}].features");
                }

                ids.Add(aid.GetString()!);
                i++;
            }

            if (ids.Distinct().Count() != ids.Count)
            {
                return Problem(400, "bad request", "action ids must be distinct", "actions");
            }

            (int Action, float Probability)? decision = null;
            if (root.TryGetProperty("decision", out JsonElement decisionElement))
            {
                if (decisionElement.ValueKind != JsonValueKind.Object || !decisionElement.TryGetProperty("actionId", out JsonElement taken) || taken.ValueKind != JsonValueKind.String
                    || ids.IndexOf(taken.GetString()!) is var action && action < 0)
                {
                    return Problem(400, "bad request", "decision.actionId must be the id of one of the actions", "decision.actionId");
                }

                if (!decisionElement.TryGetProperty("probability", out JsonElement p) || p.ValueKind != JsonValueKind.Number
                    || !p.TryGetDouble(out double probability) || !(probability >= MinDecisionProbability && probability <= 1))
                {
                    return Problem(400, "bad request", $"decision.probability must be a number in [{MinDecisionProbability:G}, 1]: the probability the app's policy gave the action (smaller ones make importance weights beyond a million)", "decision.probability");
                }

                decision = (action, (float)probability);
            }

            byte[] dsjson = DsJson(context, actions);
            CbExample example;
            try
            {
                example = DsJsonReader.ParseEvent(dsjson) ?? throw new DataFormatException("request", 1, "context", "no decision");
            }
            catch (DataFormatException ex)
            {
                // The reader's fields are DSJson's: c._multi[i] is actions[i].features, the rest is the context.
                string field = ex.Field.StartsWith("c._multi", StringComparison.Ordinal) ? "actions" : "context";
                return Problem(400, "bad request", ex.Message.Replace("request:1: ", string.Empty, StringComparison.Ordinal), field);
            }

            if (!FeaturesWithin(example, MaxFeatureValue))
            {
                return Problem(400, "bad request", $"feature values must lie in [−{MaxFeatureValue:G}, {MaxFeatureValue:G}] (larger ones overflow the model's scores)", "context");
            }

            long now = Now();
            string request = Encoding.UTF8.GetString(dsjson);
            if ((chosenByClient && state.Store.Contains(name, eventId))
                || loop!.Rank(eventId, example, dsjson, now, deferred, decision, (chosen, pmf) => state.Store.AppendAsync(new StoredEvent(name, eventId, now, request, chosen, JsonSerializer.Serialize(pmf, ServiceJson.Default.SingleArray), deferred))) is not { } ranked)
            {
                return Problem(409, "conflict", $"event '{eventId}' exists in loop '{name}'", "eventId");
            }

            bool written = await Settle(ranked.Written, ok =>
            {
                if (ok)
                {
                    loop.Committed(eventId);
                }
                else
                {
                    loop.Forget(eventId); // not on disk: never learned
                }
            });
            if (!written)
            {
                return Problem(409, "conflict", $"event '{eventId}' exists in loop '{name}'", "eventId");
            }

            (int chosen, float[] pmf, _) = ranked;

            int[] order = new int[ids.Count];
            for (int k = 0; k < order.Length; k++)
            {
                order[k] = k;
            }

            Array.Sort(order, (x, y) => pmf[y] != pmf[x] ? pmf[y].CompareTo(pmf[x]) : x.CompareTo(y)); // most likely first, ties in the request's order
            var ranking = new RankedAction[order.Length];
            for (int k = 0; k < order.Length; k++)
            {
                ranking[k] = new RankedAction(ids[order[k]], pmf[order[k]]);
            }

            return Results.Json(new RankResponse(eventId, ids[chosen], ranking), ServiceJson.Default.RankResponse);
        }
    }

    private static async Task<IResult> Reward(HttpContext http, ServiceState state, string name, string id)
    {
        (Loop? loop, JsonDocument? body, IResult? problem) = await Open(http, state, name);
        if ((problem ?? state.Overloaded(http)) is { } refused)
        {
            body?.Dispose();
            return refused;
        }

        using (body)
        {
            if (body!.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("value", out JsonElement v)
                || v.ValueKind != JsonValueKind.Number || !(Math.Abs(v.GetDouble()) <= LoopSettings.MaxReward))
            {
                return Problem(400, "bad request", $"the body must be {{\"value\": a number in [−{LoopSettings.MaxReward}, {LoopSettings.MaxReward}]}}", "value");
            }

            double value = v.GetDouble();
            long now = Now(); // one reading: the window check and the stored timestamp agree, as replay will
            (bool known, bool open, Task<bool>? write) = loop!.Begin(id, now, () => state.Store.AppendAsync(new StoredReward(name, id, now, value)));
            if (!known || !open)
            {
                return NotWaiting(state, name, id, known);
            }

            return await Settle(write!, ok => loop.EndReward(id, value, ok)) ? Results.Json(new RewardResponse(id, true), ServiceJson.Default.RewardResponse)
                : Problem(404, "not found", $"no event '{id}' in loop '{name}' (its rank was not recorded)", "id");
        }
    }

    private static async Task<IResult> Activate(HttpContext http, ServiceState state, string name, string id)
    {
        if ((state.Authorize(http.Request.Headers[KeyHeader], name, out Loop? loop) ?? state.Overloaded(http)) is { } denied)
        {
            return denied;
        }

        if (loop!.IsDeferred(id) == false)
        {
            return Problem(409, "conflict", $"event '{id}' was not deferred: it is learned without activation", "id");
        }

        long now = Now();
        (bool known, bool open, Task<bool>? write) = loop.Begin(id, now, () => state.Store.AppendAsync(new StoredActivation(name, id, now)));
        if (!known || !open)
        {
            return NotWaiting(state, name, id, known);
        }

        return await Settle(write!, ok => loop.EndActivation(id, ok)) ? Results.Json(new ActivateResponse(id, true), ServiceJson.Default.ActivateResponse)
            : Problem(404, "not found", $"no event '{id}' in loop '{name}' (its rank was not recorded)", "id");
    }

    /// <summary>Awaits a queued write and always tells what was begun whether it committed (the loop must never keep an
    /// event, reward or activation that is not on disk, nor miss one that is).</summary>
    private static async Task<bool> Settle(Task<bool> write, Action<bool> end)
    {
        bool written = false;
        try
        {
            written = await write;
        }
        finally
        {
            end(written);
        }

        return written;
    }

    /// <summary>The answer for a reward or activation of an event that is not waiting, or whose window has closed: 409
    /// when the event is in the log (it is final), 404 otherwise.</summary>
    private static IResult NotWaiting(ServiceState state, string name, string id, bool known)
        => known || state.Store.Contains(name, id)
            ? Problem(409, "conflict", $"event '{id}' is final: its reward window has closed, or it took its reward under \"first\" aggregation", "id")
            : Problem(404, "not found", $"no event '{id}' in loop '{name}'", "id");

    /// <summary>Authorizes the loop's key, then reads the JSON body: the loop and the body, or the problem to answer.</summary>
    private static async Task<(Loop? Loop, JsonDocument? Body, IResult? Problem)> Open(HttpContext http, ServiceState state, string name)
    {
        if (state.Authorize(http.Request.Headers[KeyHeader], name, out Loop? loop) is { } denied)
        {
            return (null, null, denied);
        }

        (JsonDocument? body, IResult? error) = await ReadBody(http);
        return (loop, body, error);
    }

    private static IResult Stats(HttpContext http, ServiceState state, string name)
    {
        if (state.Authorize(http.Request.Headers[KeyHeader], name, out Loop? loop) is { } denied)
        {
            return denied;
        }

        return Results.Json(StatsOf(loop!), ServiceJson.Default.LoopStats);
    }

    /// <summary>Every loop's stats, by name (admin): what the dashboard shows.</summary>
    private static IResult ListLoops(HttpContext http, ServiceState state)
    {
        if (!state.IsAdmin(http.Request.Headers[KeyHeader]))
        {
            return Unauthorized(http);
        }

        LoopStats[] all = [.. state.Loops.Values.OrderBy(l => l.Name, StringComparer.Ordinal).Select(StatsOf)];
        return Results.Json(all, ServiceJson.Default.LoopStatsArray);
    }

    private static LoopStats StatsOf(Loop loop)
    {
        (LoopCounters c, Hindsight.Evaluation.OnlineIps greedy, bool apprentice, double? agreement) = loop.Statistics();
        Hindsight.Evaluation.OffPolicyEstimate g = greedy.Estimate(); // the interval's quantile is computed outside the loop's lock
        PolicyValue? value = g.Samples == 0 ? null : new PolicyValue(g.Estimator, g.Value, double.IsNaN(g.Low) ? null : g.Low, double.IsNaN(g.High) ? null : g.High, g.Samples);
        DateTimeOffset? snapshotAt = loop.SnapshotAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;
        return new LoopStats(loop.Name, c.Events, c.Closed, c.Rewarded, c.Inactive, c.Closed > 0 ? c.RewardSum / c.Closed : null, c.Events > 0 ? (double)c.Explored / c.Events : null, value, apprentice ? "apprentice" : "online", agreement, snapshotAt, loop.ReplayedEvents,
            loop.EmbeddingCounters() is { } e ? new EmbeddingStats(e.Entries, e.Admitted, e.Filtered, e.Expired, e.Evicted) : null);
    }

    private static IResult Log(HttpContext http, ServiceState state, string name)
    {
        if (state.Authorize(http.Request.Headers[KeyHeader], name, out Loop? loop) is { } denied)
        {
            return denied;
        }

        var buffer = new MemoryStream();
        DsJsonExport.Write(state.Store, name, loop!.Settings, Now(), buffer);
        buffer.Position = 0;
        return Results.Stream(buffer, "application/x-ndjson", $"{name}.dsjson");
    }

    /// <summary>The smallest probability an app's own decision may carry: its importance weight 1/p stays within 10⁶.</summary>
    private const double MinDecisionProbability = 1e-6;

    /// <summary>The most candidate settings one evaluation takes (each trains a learner on the whole log).</summary>
    private const int MaxCandidates = 8;

    /// <summary>Personalizer's offline evaluation on the loop's own export: the closed events as <c>GET …/log</c> writes
    /// them, scored for the live policy (the logged distributions), the baseline, uniform, and learners trained on the log
    /// with the loop's settings and with each candidate's (<see cref="CbLogEvaluation"/>). One evaluation at a time.</summary>
    private static async Task<IResult> Evaluate(HttpContext http, ServiceState state, string name)
    {
        (Loop? loop, JsonDocument? body, IResult? problem) = await Open(http, state, name);
        if (problem is not null)
        {
            return problem;
        }

        // A learner with the loop's settings; the embedding model is not part of an offline candidate (the log carries
        // the requests' features, not the embeddings), so an embedding loop's row says so.
        var candidates = new List<(string Policy, LoopSettings Settings)>
        {
            loop!.Settings.Embeddings is null ? ("current settings", loop.Settings) : ("current settings without embeddings", loop.Settings with { Embeddings = null }),
        };
        using (body)
        {
            JsonElement root = body!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem(400, "bad request", "the body must be a JSON object (it may be empty: {})", "body");
            }

            foreach (JsonProperty p in root.EnumerateObject())
            {
                if (p.Name != "candidates")
                {
                    return Problem(400, "bad request", "unknown member (candidates)", p.Name);
                }

                if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() > MaxCandidates)
                {
                    return Problem(400, "bad request", $"candidates must be a list of at most {MaxCandidates} loop settings", "candidates");
                }

                int i = 0;
                foreach (JsonElement c in p.Value.EnumerateArray())
                {
                    if (!LoopSettings.TryReadCandidate(c, $"candidate {i + 1}", out string label, out LoopSettings settings, out string field, out string why))
                    {
                        return Problem(400, "bad request", $"{field} {why}", $"candidates[{i}].{field}");
                    }

                    candidates.Add((label, settings));
                    i++;
                }
            }
        }

        if (!state.Evaluations.Wait(0))
        {
            return Problem(429, "too many requests", "an offline evaluation is running; try again when it ends", "loop");
        }

        try
        {
            EvaluationResponse result = await Task.Run(() =>
            {
                var export = new MemoryStream();
                DsJsonExport.Write(state.Store, name, loop.Settings, Now(), export);
                var log = new List<CbExample>();
                byte[] lines = export.ToArray();
                foreach (Range range in lines.AsSpan().Split((byte)'\n'))
                {
                    ReadOnlySpan<byte> line = lines.AsSpan(range);
                    if (!line.IsEmpty && DsJsonReader.ParseEvent(line) is { } example)
                    {
                        log.Add(example); // _skipLearn events (deferred, never activated) are not decisions
                    }
                }

                var policies = new List<PolicyEvaluation>();
                foreach (string fixedPolicy in (string[])["live", "first", "uniform"])
                {
                    policies.Add(Estimates(fixedPolicy == "first" ? "baseline" : fixedPolicy, "fixed", null, CbLogEvaluation.Samples(log, fixedPolicy)));
                }

                foreach ((string label, LoopSettings settings) in candidates)
                {
                    policies.Add(Estimates(label, "candidate", settings, CbLogEvaluation.Samples(log, settings.CreateLearner())));
                }

                return new EvaluationResponse(name, log.Count, [.. policies]);
            });
            return Results.Json(result, ServiceJson.Default.EvaluationResponse);
        }
        finally
        {
            state.Evaluations.Release();
        }
    }

    private static PolicyEvaluation Estimates(string policy, string kind, LoopSettings? settings, OffPolicySample[] samples)
        => new(policy, kind, settings, [.. OffPolicyEstimators.Names.Select(n => OffPolicyEstimators.Estimate(n, samples)).Select(e =>
            new PolicyValue(e.Estimator, double.IsFinite(e.Value) ? e.Value : null, double.IsFinite(e.Low) ? e.Low : null, double.IsFinite(e.High) ? e.High : null, e.Samples))]);

    /// <summary>The largest feature magnitude a request may carry: crossed (interactions) and weighted, larger values
    /// overflow single-precision scores to infinity and would poison the model.</summary>
    private const float MaxFeatureValue = 1e6f;

    /// <summary>True when every feature value lies in [−max, max] (NaN and ±∞ do not).</summary>
    private static bool FeaturesWithin(CbExample example, float max)
    {
        if (!FeaturesWithin(example.Shared, max))
        {
            return false;
        }

        foreach (FeatureSet action in example.Actions)
        {
            if (!FeaturesWithin(action, max))
            {
                return false;
            }
        }

        return true;
    }

    private static bool FeaturesWithin(FeatureSet set, float max)
    {
        foreach (FeatureGroup group in set.GroupSpan)
        {
            ReadOnlySpan<float> values = group.ValueSpan;
            if (values.Length > 0 && !(Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values)) <= max))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>{"c": {context namespaces…, "_multi": [action features…]}}: DSJson's shape, so one parser serves logs and requests.</summary>
    private static byte[] DsJson(JsonElement context, JsonElement actions)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("c");
            w.WriteStartObject();
            foreach (JsonProperty p in context.EnumerateObject())
            {
                if (p.Name != "_multi")
                {
                    p.WriteTo(w);
                }
            }

            w.WritePropertyName("_multi");
            w.WriteStartArray();
            foreach (JsonElement a in actions.EnumerateArray())
            {
                a.GetProperty("features").WriteTo(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<(JsonDocument?, IResult?)> ReadBody(HttpContext http)
    {
        try
        {
            return (await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (null, Problem(400, "bad request", $"malformed JSON: {ex.Message}", "body"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problem(413, "payload too large", ex.Message, "body"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problem(ex.StatusCode, "bad request", ex.Message, "body"));
        }
    }

    internal static IResult Problem(int status, string title, string detail, string field)
        => Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static IResult Unauthorized(HttpContext http)
        => Problem(401, "unauthorized", $"send a valid key in the {KeyHeader} header", KeyHeader);

    private static bool IsName(string s) => s.Length is > 0 and <= 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static string Hash(string key) => Convert.ToHexString(Digest(key));

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    internal static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The loops and the store, shared by the endpoints and the window closer.</summary>
    internal sealed class ServiceState(EventStore store, ServiceOptions options)
    {
        private readonly byte[] _admin = Digest(options.AdminKey);

        public EventStore Store { get; } = store;

        public ulong? Seed { get; } = options.ExplorationSeed;

        public ServiceOptions Options { get; } = options;

        /// <summary>503 while the disk is behind by <see cref="ServiceOptions.MaxQueuedWrites"/> writes (a soft bound:
        /// requests already past the check still queue theirs), or, for a rank, while its loop has
        /// <see cref="ServiceOptions.MaxWaitingEvents"/> events waiting; null when the request may go on.</summary>
        public IResult? Overloaded(HttpContext http, Loop? rankedIn = null)
        {
            if (Store.Backlog >= Options.MaxQueuedWrites)
            {
                return Unavailable(http, $"{Store.Backlog} writes are waiting for the disk; retry shortly", "body");
            }

            return rankedIn is not null && rankedIn.Waiting >= Options.MaxWaitingEvents
                ? Unavailable(http, $"loop '{rankedIn.Name}' has {Options.MaxWaitingEvents} events waiting for their reward window; retry when some close", "loop")
                : null;
        }

        private static IResult Unavailable(HttpContext http, string detail, string field)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problem(503, "service unavailable", detail, field);
        }

        public ConcurrentDictionary<string, Loop> Loops { get; } = new();

        /// <summary>One offline evaluation at a time: each trains learners on a whole log.</summary>
        public SemaphoreSlim Evaluations { get; } = new(1, 1);

        public bool IsAdmin(string? key) => key is not null && CryptographicOperations.FixedTimeEquals(Digest(key), _admin);

        /// <summary>The admin key or any loop's key.</summary>
        public bool IsKnownKey(string? key)
        {
            if (key is null)
            {
                return false;
            }

            byte[] digest = Digest(key);
            return CryptographicOperations.FixedTimeEquals(digest, _admin) || Loops.Values.Any(l => CryptographicOperations.FixedTimeEquals(digest, l.KeyDigest));
        }

        public IResult? Authorize(string? key, string name, out Loop? loop)
        {
            loop = null;
            if (key is null)
            {
                return Problem(401, "unauthorized", $"send a valid key in the {KeyHeader} header", KeyHeader);
            }

            // Hash first and answer an unknown loop and a wrong key alike, so that a caller without a key learns nothing.
            byte[] digest = Digest(key); // one SHA-256 a request
            bool admin = CryptographicOperations.FixedTimeEquals(digest, _admin);
            if (!Loops.TryGetValue(name, out loop))
            {
                return admin ? Problem(404, "not found", $"no loop '{name}'", "loop") : Problem(401, "unauthorized", $"send a valid key in the {KeyHeader} header", KeyHeader);
            }

            bool ok = admin || CryptographicOperations.FixedTimeEquals(digest, loop.KeyDigest);
            return ok ? null : Problem(401, "unauthorized", $"send a valid key in the {KeyHeader} header", KeyHeader);
        }

        /// <summary>Where the loops' model snapshots live (<c>snapshots/</c> beside the event store).</summary>
        public string SnapshotDirectory { get; } = Path.Combine(Path.GetDirectoryName(store.Path)!, "snapshots");

        /// <summary>Rebuilds every loop: from its model snapshot when there is a usable one, then by replaying the log
        /// after the snapshot's cut (everything, without one) in event time (<see cref="LogReplay"/>), learning the
        /// events whose window has closed and keeping the rest waiting.</summary>
        /// <returns>Warnings: snapshots that could not be used (the loop then replays its whole log).</returns>
        public List<string> Restore()
        {
            var warnings = new List<string>();
            long now = Now();
            foreach (StoredLoop stored in Store.Loops())
            {
                LoopSettings settings = JsonSerializer.Deserialize(stored.Settings, ServiceJson.Default.LoopSettings)!;
                Loop? loop = null;
                LogCut cut = LogCut.Start;
                string file = SnapshotFile(stored.Name);
                if (File.Exists(file))
                {
                    try
                    {
                        (loop, cut) = Loop.LoadSnapshot(stored.Name, settings, stored.KeyHash, Seed, File.ReadAllBytes(file));
                        if (cut.Position > Store.LastEventPosition())
                        {
                            throw new InvalidDataException($"it was cut at log position {cut.Position}, beyond this log's last event");
                        }
                    }
                    catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                    {
                        (loop, cut) = (null, LogCut.Start);
                        warnings.Add($"loop '{stored.Name}': snapshot {file} not used ({ex.Message}); replaying its whole log");
                    }
                }

                loop ??= new Loop(stored.Name, settings, stored.KeyHash, Seed);
                Loops[stored.Name] = loop;
                loop.ReplayedEvents = LogReplay.Run(loop, Store.Events(stored.Name, cut), Store.Activations(stored.Name, cut), Store.Rewards(stored.Name, cut), now);
            }

            return warnings;
        }

        /// <summary>Writes a loop's model snapshot: to a temporary file, flushed to disk, then renamed over the last one
        /// (a crash leaves the old snapshot or the new, never half of one).</summary>
        /// <param name="loop">The loop.</param>
        /// <returns>Whether one was written (none when the loop has not changed since its last one).</returns>
        public bool SaveSnapshot(Loop loop)
        {
            long now = Now();
            if (loop.SaveSnapshot(Store.LastEventPosition, now) is not ({ } bytes, long changes))
            {
                return false;
            }

            Directory.CreateDirectory(SnapshotDirectory);
            string file = SnapshotFile(loop.Name), temp = file + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, file, overwrite: true);
            loop.Saved(changes, now); // only now: a failed write is tried again at the next tick
            return true;
        }

        private string SnapshotFile(string loop) => Path.Combine(SnapshotDirectory, loop + ".snapshot");
    }

    /// <summary>Takes each changed loop's model snapshot every <see cref="ServiceOptions.SnapshotSeconds"/>.</summary>
    private sealed class SnapshotWriter(ServiceState state, TimeSpan every, ILogger<SnapshotWriter> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (Loop loop in state.Loops.Values)
                {
                    try
                    {
                        state.SaveSnapshot(loop);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogError(ex, "Loop {Loop}: the model snapshot failed; replay of the log still recovers everything", loop.Name);
                    }
                }
            }
        }
    }

    /// <summary>Closes reward windows as they expire: the learner updates in the background.</summary>
    private sealed class WindowCloser(ServiceState state, ILogger<WindowCloser> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                long now = Now();
                foreach (Loop loop in state.Loops.Values)
                {
                    try
                    {
                        while (loop.CloseWindows(now, limit: 256) == 256)
                        {
                            // a backlog: release the lock between chunks so that ranks are not held up
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Nothing may stop learning for every loop (a faulted background service stops the host); the
                        // event stays in the log for a later replay.
                        logger.LogError(ex, "closing reward windows of loop {Loop} failed", loop.Name);
                    }
                }
            }
        }
    }
}
