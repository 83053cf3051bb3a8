namespace Hindsight.Service.Storage;

/// <summary>A reward as kept on disk (every reward an event receives is kept; the loop's aggregation decides which
/// count).</summary>
/// <param name="Loop">The loop's name.</param>
/// <param name="EventId">The event it rewards.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch.</param>
/// <param name="Value">The reward.</param>
public sealed record StoredReward(string Loop, string EventId, long Timestamp, double Value);
