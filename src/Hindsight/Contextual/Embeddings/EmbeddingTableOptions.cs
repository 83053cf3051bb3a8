namespace Hindsight.Contextual.Embeddings;

/// <summary>How an <see cref="EmbeddingTable"/> admits, keeps and evicts IDs.</summary>
/// <param name="Dimensions">The length of each embedding, 1 … 256.</param>
/// <param name="MinCount">Occurrences an ID needs before it gets an embedding (Monolith's frequency filter), 1 … 255.</param>
/// <param name="TimeToLiveMs">An entry not updated for this long expires (ms), &gt; 0.</param>
/// <param name="MaxEntries">The memory bound: at most this many embeddings; admitting one more evicts the least recently
/// updated, ≥ 1.</param>
/// <param name="FilterBits">log₂ of the frequency filter's counters per row (4 · 2^bits bytes), 4 … 26.</param>
/// <param name="InitScale">A new embedding's components are uniform in [−InitScale, InitScale], in (0, 10].</param>
public sealed record EmbeddingTableOptions(int Dimensions = 8, int MinCount = 3, long TimeToLiveMs = 7L * 24 * 3600 * 1000, int MaxEntries = 100_000, int FilterBits = 20, float InitScale = 0.1f)
{
    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dimensions, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinCount, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeToLiveMs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(FilterBits, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FilterBits, 26);
        if (!(InitScale > 0 && InitScale <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(InitScale), InitScale, "The initial scale must be in (0, 10].");
        }
    }
}
