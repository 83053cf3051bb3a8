namespace Hindsight.Service.Storage;

/// <summary>A ranked event as kept on disk: the request as received, the action chosen and the distribution it was drawn
/// from (what off-policy evaluation and replay need).</summary>
/// <param name="Loop">The loop's name.</param>
/// <param name="EventId">The event id, unique within the loop.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch.</param>
/// <param name="Request">The rank request's JSON (context and actions).</param>
/// <param name="Chosen">The index of the chosen action.</param>
/// <param name="Probabilities">The probabilities of the actions, as JSON.</param>
/// <param name="Deferred">True when the event awaits activation.</param>
public sealed record StoredEvent(string Loop, string EventId, long Timestamp, string Request, int Chosen, string Probabilities, bool Deferred);
