namespace Hindsight.Service.Storage;

/// <summary>The activation of a deferred event as kept on disk: from then on the event is learned when its window
/// closes (a deferred event that is never activated is not learned, as in Personalizer).</summary>
/// <param name="Loop">The loop's name.</param>
/// <param name="EventId">The event activated.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch.</param>
public sealed record StoredActivation(string Loop, string EventId, long Timestamp);
