using Hindsight.Service.Storage;

// Writes events and rewards to the store in DIR from many concurrent tasks until it is killed, printing
// "e ID" after each acknowledged event and "r ID" after each acknowledged reward (stdout flushed per line).
// Usage: Hindsight.Service.CrashWriter DIR PREFIX
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Hindsight.Service.CrashWriter DIR PREFIX");
    return 2;
}

var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
var gate = new object();
EventStore store = EventStore.Open(args[0]);
await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
{
    for (long i = 0; ; i++)
    {
        string id = $"{args[1]}-{w}-{i}";
        if (await store.AppendAsync(new StoredEvent("crash", id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "{\"c\":{}}", 0, "[1]", false)))
        {
            lock (gate)
            {
                output.WriteLine($"e {id}");
            }
        }

        if (await store.AppendAsync(new StoredReward("crash", id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1.0)))
        {
            lock (gate)
            {
                output.WriteLine($"r {id}");
            }
        }
    }
})));
return 0;
