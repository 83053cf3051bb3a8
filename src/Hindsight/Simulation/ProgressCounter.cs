namespace Hindsight.Simulation;

/// <summary>A thread-safe count of rounds played, read by progress displays while workers add to it.</summary>
public sealed class ProgressCounter
{
    private long _rounds;
    private long _runs;

    /// <summary>The total rounds the experiment will play.</summary>
    public long TotalRounds { get; internal set; }

    /// <summary>The total runs the experiment will play.</summary>
    public long TotalRuns { get; internal set; }

    /// <summary>Rounds played so far.</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Runs completed so far.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Adds played rounds.</summary>
    /// <param name="rounds">The number of rounds.</param>
    public void AddRounds(long rounds) => Interlocked.Add(ref _rounds, rounds);

    /// <summary>Counts one completed run.</summary>
    public void AddRun() => Interlocked.Increment(ref _runs);
}
