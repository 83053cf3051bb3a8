namespace Hindsight.Service;

/// <summary>How <c>hindsight serve</c> runs.</summary>
/// <param name="DataDirectory">Where the event store lives (created if missing).</param>
/// <param name="AdminKey">The key that manages loops (sent as the <c>X-Api-Key</c> header).</param>
/// <param name="Urls">Where to listen, e.g. http://127.0.0.1:5080 (port 0 picks a free one).</param>
/// <param name="MaxRequestBytes">The largest request body accepted (413 beyond).</param>
/// <param name="ExplorationSeed">Seeds every loop's exploration draws, for reproducible tests and simulations; null (the
/// default, and always under <c>hindsight serve</c>) draws the seed from the operating system, so that the
/// exploration cannot be predicted by callers.</param>
/// <param name="SnapshotSeconds">How often each changed loop's model snapshot is written (besides one at shutdown); 0
/// or less: only at shutdown.</param>
/// <param name="MaxQueuedWrites">Overload: while this many writes wait for the disk, ranks, rewards, activations and new
/// loops are refused with 503 and Retry-After (nothing is taken that could not be made durable soon).</param>
/// <param name="MaxWaitingEvents">Memory bound: a loop with this many events waiting for their window refuses ranks with
/// 503 until windows close.</param>
public sealed record ServiceOptions(string DataDirectory, string AdminKey, string Urls = "http://127.0.0.1:5080", long MaxRequestBytes = 1 << 20, ulong? ExplorationSeed = null, double SnapshotSeconds = 60, long MaxQueuedWrites = 100_000, int MaxWaitingEvents = 1_000_000);
