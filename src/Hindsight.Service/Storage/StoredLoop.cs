namespace Hindsight.Service.Storage;

/// <summary>A loop as kept on disk.</summary>
/// <param name="Name">The loop's name.</param>
/// <param name="Settings">Its settings, as JSON.</param>
/// <param name="KeyHash">SHA-256 of its API key, hex (the key itself is never stored).</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch at creation.</param>
public sealed record StoredLoop(string Name, string Settings, string KeyHash, long Timestamp);
