using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Service.Api;

/// <summary>A rank request (documents the body; the endpoint reads it itself to name the field at fault).</summary>
/// <param name="EventId">Optional: the event's id (1 to 64 letters, digits, '-' or '_'); the service makes one otherwise.</param>
/// <param name="DeferActivation">True: the event is learned only if activated before its window closes.</param>
/// <param name="Context">The shared features: namespaces of features, as DSJson's <c>c</c>.</param>
/// <param name="Actions">1 to 1000 actions, each with its features.</param>
/// <param name="Decision">Optional: the app took this action itself (history, another policy, a randomized test) with
/// this probability; the service logs and learns that decision and answers its own ranking of the actions.</param>
internal sealed record RankRequest(string? EventId, bool? DeferActivation, Dictionary<string, JsonElement> Context, RankAction[] Actions, RankDecision? Decision);

/// <summary>A decision the app made itself.</summary>
/// <param name="ActionId">The action it took: one of the request's action ids.</param>
/// <param name="Probability">The probability its policy gave that action, in (0, 1] (what importance weights divide by).</param>
internal sealed record RankDecision(string ActionId, double Probability);

/// <summary>An action of a rank request.</summary>
/// <param name="Id">The action's id, distinct within the request.</param>
/// <param name="Features">Its features: namespaces of features, as an element of DSJson's <c>_multi</c>.</param>
internal sealed record RankAction(string Id, Dictionary<string, JsonElement> Features);

/// <summary>A reward for an event.</summary>
/// <param name="Value">The reward, |value| ≤ 1e6.</param>
internal sealed record RewardRequest(double Value);

/// <summary>A new loop: its name and settings (absent settings take their defaults).</summary>
internal sealed record CreateLoopRequest(string Name, string? Learner, double? Epsilon, string[]? Interactions, int? Bits, double? RewardWaitSeconds, double? DefaultReward, string? Aggregation, string? Mode, int? ApprenticeEvents, double? ApprenticeAgreement, EmbeddingSettings? Embeddings);

/// <summary>One ranked action of a rank response.</summary>
internal sealed record RankedAction(string Id, float Probability);

/// <summary>The answer to a rank: the event id (to report its reward), the action to take, every action with its probability, most likely first.</summary>
internal sealed record RankResponse(string EventId, string ActionId, RankedAction[] Ranking);

/// <summary>The answer to a reward.</summary>
internal sealed record RewardResponse(string EventId, bool Accepted);

/// <summary>The answer to an activation.</summary>
internal sealed record ActivateResponse(string EventId, bool Activated);

/// <summary>A new loop and its key (shown once).</summary>
internal sealed record CreatedLoop(string Name, string Key, LoopSettings Settings);

/// <summary>A loop's counters, the estimated reward of its learned policy, and its mode ("apprentice" until it goes
/// "online"; <c>BaselineAgreement</c>: the share of the latest learned events whose first choice was the baseline);
/// <c>SnapshotAt</c>: when the latest model snapshot was taken (null before any); <c>ReplayedEvents</c>: how many
/// events of the log were replayed when the loop was last restored (those after its snapshot's cut); <c>Embeddings</c>:
/// the embedding table's counters, if the loop has one.</summary>
internal sealed record LoopStats(string Loop, long Events, long ClosedEvents, long RewardedEvents, long InactiveEvents, double? AverageReward, double? ExplorationRate, PolicyValue? LearnedPolicyValue, string Mode, double? BaselineAgreement, DateTimeOffset? SnapshotAt, long ReplayedEvents, EmbeddingStats? Embeddings);

/// <summary>A loop's embedding table: embeddings held, IDs admitted so far, observations the frequency filter held
/// back, entries expired (not updated for the time to live) and evicted (the memory bound).</summary>
internal sealed record EmbeddingStats(int Entries, long Admitted, long Filtered, long Expired, long Evicted);

/// <summary>An estimate of a policy's mean reward with its 95% interval (no interval from fewer than two events; no
/// value where the estimator is undefined, e.g. no decisions, or none the policy would have taken for SNIPS).</summary>
internal sealed record PolicyValue(string Estimator, double? Value, double? Low, double? High, long Events);

/// <summary>An offline-evaluation request.</summary>
/// <param name="Candidates">Optional: up to 8 loop settings (as <c>POST /v1/loops</c> takes them; a name labels each)
/// to train on the log and compare, besides the loop's own settings.</param>
internal sealed record EvaluationRequest(CreateLoopRequest[]? Candidates);

/// <summary>One policy's offline evaluation.</summary>
/// <param name="Policy">live (the logged distributions), baseline (the first action), uniform, "current settings" (a
/// learner trained on the log with the loop's settings) or a candidate's label.</param>
/// <param name="Kind">fixed, or candidate (a learner trained on the log, scored before it learns each decision).</param>
/// <param name="Settings">A candidate's settings.</param>
/// <param name="Estimates">IPS, SNIPS, DM and DR estimates of its mean reward with 95% intervals.</param>
internal sealed record PolicyEvaluation(string Policy, string Kind, LoopSettings? Settings, PolicyValue[] Estimates);

/// <summary>The answer to an offline evaluation.</summary>
/// <param name="Loop">The loop.</param>
/// <param name="Decisions">The closed, learnable events evaluated on (as <c>GET …/log</c> exports them).</param>
/// <param name="Policies">Each policy's estimates.</param>
internal sealed record EvaluationResponse(string Loop, long Decisions, PolicyEvaluation[] Policies);

/// <summary>The health answer.</summary>
internal sealed record Health(string Status);

/// <summary>Source-generated JSON for the service's answers (no reflection per request); camelCase as the API documents.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RankResponse))]
[JsonSerializable(typeof(RewardResponse))]
[JsonSerializable(typeof(ActivateResponse))]
[JsonSerializable(typeof(CreatedLoop))]
[JsonSerializable(typeof(LoopStats))]
[JsonSerializable(typeof(LoopStats[]))]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(EvaluationResponse))]
[JsonSerializable(typeof(LoopSettings))]
[JsonSerializable(typeof(float[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ServiceJson : JsonSerializerContext;
