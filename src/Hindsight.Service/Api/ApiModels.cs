using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Service.Api;

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

/// <summary>A loop's counters.</summary>
internal sealed record LoopStats(string Loop, long Events, long ClosedEvents, long RewardedEvents, long InactiveEvents, double? AverageReward, double? ExplorationRate);

/// <summary>The health answer.</summary>
internal sealed record Health(string Status);

/// <summary>Source-generated JSON for the service's answers (no reflection per request); camelCase as the API documents.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RankResponse))]
[JsonSerializable(typeof(RewardResponse))]
[JsonSerializable(typeof(ActivateResponse))]
[JsonSerializable(typeof(CreatedLoop))]
[JsonSerializable(typeof(LoopStats))]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(LoopSettings))]
[JsonSerializable(typeof(float[]))]
internal sealed partial class ServiceJson : JsonSerializerContext;
