using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>
/// Remembers, per action position, the raw text of the last action parsed there and its feature set, so a reader that
/// recycles examples can skip parsing an action whose text is byte for byte the previous event's — the common case in
/// decision logs, where every event repeats the catalog's action features. Exact by construction: equal text gives
/// equal features.
/// </summary>
/// <typeparam name="T">The text's unit: byte (DSJson) or char (VW text).</typeparam>
internal sealed class ActionCache<T>
    where T : unmanaged, IEquatable<T>
{
    private const int Backoff = 16; // after a miss, a position is not looked up again for this many examples
    private readonly List<Entry> _entries = [];
    private long _example;

    /// <summary>Moves to the next example.</summary>
    public void NextExample() => _example++;

    /// <summary>Whether looking up this position is worth its cost (it hit last time, or its backoff has passed).</summary>
    public bool Worth(int position) => position >= _entries.Count || _entries[position].RetryAt <= _example;

    /// <summary>The cached set when the text equals the cached text at this position.</summary>
    public bool TryGet(int position, ReadOnlySpan<T> raw, out FeatureSet set)
    {
        if (position < _entries.Count)
        {
            Entry entry = _entries[position];
            if (entry.Length == raw.Length && raw.SequenceEqual(entry.Raw.AsSpan(0, entry.Length)))
            {
                set = entry.Set;
                return true;
            }

            entry.RetryAt = _example + Backoff;
        }

        set = null!;
        return false;
    }

    /// <summary>
    /// Starts storing this text at a position: returns the position's emptied feature set for the caller to fill, then
    /// <see cref="Commit"/>. Until committed the position matches nothing (a parse that fails leaves it so).
    /// </summary>
    public FeatureSet Begin(int position, ReadOnlySpan<T> raw)
    {
        while (_entries.Count <= position)
        {
            _entries.Add(new Entry());
        }

        Entry entry = _entries[position];
        if (entry.Raw.Length < raw.Length)
        {
            entry.Raw = new T[Math.Max(raw.Length, entry.Raw.Length * 2)];
        }

        raw.CopyTo(entry.Raw);
        entry.Length = -1;
        entry.Pending = raw.Length;
        entry.Set.Clear();
        return entry.Set;
    }

    /// <summary>Marks the set begun at a position as complete.</summary>
    public void Commit(int position)
    {
        Entry entry = _entries[position];
        entry.Length = entry.Pending;
        entry.RetryAt = 0;
    }

    private sealed class Entry
    {
        public T[] Raw { get; set; } = [];

        public int Length { get; set; } = -1;

        public FeatureSet Set { get; } = new();

        public int Pending { get; set; }

        public long RetryAt { get; set; }
    }
}
