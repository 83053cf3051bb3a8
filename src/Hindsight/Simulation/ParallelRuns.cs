namespace Hindsight.Simulation;

/// <summary>Independent runs spread over the cores, a failure reported as one exception that says which run failed and
/// why (the first failure), as the bandit runner does — so a command can report it without a stack trace.</summary>
internal static class ParallelRuns
{
    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1.</summary>
    /// <param name="count">The runs.</param>
    /// <param name="body">One run.</param>
    /// <param name="threads">At most this many at once (≤ 0: as many as the runtime chooses).</param>
    /// <exception cref="InvalidOperationException">A run failed; the inner exception is the first failure.</exception>
    public static void For(int count, Action<int> body, int threads = 0)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : -1 }, body);
        }
        catch (AggregateException ex)
        {
            Exception first = ex.Flatten().InnerExceptions[0];
            throw new InvalidOperationException($"A run failed: {first.Message}", first);
        }
    }
}
