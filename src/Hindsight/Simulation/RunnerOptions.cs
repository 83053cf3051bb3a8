namespace Hindsight.Simulation;

/// <summary>How to run an experiment: threads, cancellation and a progress counter.</summary>
public sealed class RunnerOptions
{
    /// <summary>Worker threads (default: one per core). Results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Stops the experiment: finished runs are kept, unfinished ones dropped, and the result says it is partial.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Counts rounds as they are played, for a progress display (may be null).</summary>
    public ProgressCounter? Progress { get; init; }
}
