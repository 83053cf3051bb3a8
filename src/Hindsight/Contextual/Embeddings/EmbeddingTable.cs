using System.Diagnostics.CodeAnalysis;
using Hindsight.Contextual.Features;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Embeddings;

/// <summary>
/// Monolith's collisionless embedding table for sparse IDs (Liu et al., "Monolith: Real Time Recommendation System With
/// Collisionless Embedding Table", ORSUM@RecSys 2022, §2.2): every admitted ID has its own embedding, keyed by the whole
/// ID (no hashing into shared slots, so two IDs never share or overwrite a vector); an ID is admitted only once the
/// <see cref="FrequencyFilter"/> has seen it <see cref="EmbeddingTableOptions.MinCount"/> times; an entry not updated
/// for <see cref="EmbeddingTableOptions.TimeToLiveMs"/> expires; and at most <see cref="EmbeddingTableOptions.MaxEntries"/>
/// are kept, admitting one more evicting the least recently updated.
/// </summary>
/// <remarks>
/// Serving (<see cref="TryGet"/>) never changes the table; training (<see cref="Observe"/>, <see cref="Sweep"/>) does,
/// with the time of the event being learned — so the table is a function of the learned events in order, and replaying
/// them rebuilds it exactly. A new embedding starts from small uniform values drawn from a seed and the ID's hash
/// (the same ID starts the same way whenever it is admitted). Entries are kept in a hash map and a list ordered by last
/// update: expiry and eviction both take from the list's old end, O(1) each. Written here: Monolith's table is C++
/// inside TensorFlow; no .NET package provides one.
/// </remarks>
public sealed class EmbeddingTable
{
    private const int Version = 1;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byUpdate = new(); // most recently updated first
    private FrequencyFilter _filter;

    /// <summary>Creates an empty table.</summary>
    /// <param name="options">Its dimensions, filter, time to live and memory bound.</param>
    /// <param name="seed">Seeds the initial embeddings.</param>
    public EmbeddingTable(EmbeddingTableOptions options, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Seed = seed;
        _filter = new FrequencyFilter(options.FilterBits);
    }

    /// <summary>The table's settings.</summary>
    public EmbeddingTableOptions Options { get; }

    /// <summary>The seed of the initial embeddings.</summary>
    public ulong Seed { get; }

    /// <summary>Embeddings held now.</summary>
    public int Count => _entries.Count;

    /// <summary>IDs given an embedding so far (re-admissions after expiry or eviction included).</summary>
    public long Admitted { get; private set; }

    /// <summary>Observations of IDs the frequency filter has not yet let in.</summary>
    public long Filtered { get; private set; }

    /// <summary>Entries removed because they were not updated for the time to live.</summary>
    public long Expired { get; private set; }

    /// <summary>Entries evicted to keep within <see cref="EmbeddingTableOptions.MaxEntries"/>.</summary>
    public long Evicted { get; private set; }

    /// <summary>The embedding of an ID for serving, if it has a live one (the table is not changed).</summary>
    /// <param name="id">The ID.</param>
    /// <param name="now">The time (ms).</param>
    /// <param name="embedding">The vector (do not change it outside training).</param>
    /// <returns>Whether the ID has an embedding not expired at <paramref name="now"/>.</returns>
    public bool TryGet(string id, long now, [NotNullWhen(true)] out float[]? embedding)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_entries.TryGetValue(id, out LinkedListNode<Entry>? node) && !IsExpired(node.Value, now))
        {
            embedding = node.Value.Vector;
            return true;
        }

        embedding = null;
        return false;
    }

    /// <summary>One training occurrence of an ID at <paramref name="now"/>: an ID with a live embedding is marked updated
    /// and its vector returned, for the caller to update in place; another is counted by the frequency filter and, once
    /// its count reaches the minimum, admitted (evicting the least recently updated entry when the table is full).</summary>
    /// <param name="id">The ID.</param>
    /// <param name="now">The event's time (ms); times should not decrease.</param>
    /// <returns>The embedding to train, or null while the filter holds the ID back.</returns>
    public float[]? Observe(string id, long now)
    {
        ArgumentNullException.ThrowIfNull(id);
        Sweep(now);
        if (_entries.TryGetValue(id, out LinkedListNode<Entry>? node))
        {
            node.Value.UpdatedAt = now;
            _byUpdate.Remove(node);
            _byUpdate.AddFirst(node);
            return node.Value.Vector;
        }

        if (_filter.Add(id) < Options.MinCount)
        {
            Filtered++;
            return null;
        }

        if (_entries.Count >= Options.MaxEntries)
        {
            LinkedListNode<Entry> oldest = _byUpdate.Last!;
            _byUpdate.RemoveLast();
            _entries.Remove(oldest.Value.Id);
            Evicted++;
        }

        var entry = new Entry(id, Initial(id), now);
        _entries[id] = _byUpdate.AddFirst(entry);
        Admitted++;
        return entry.Vector;
    }

    /// <summary>Removes the entries expired at <paramref name="now"/> (those not updated for the time to live).</summary>
    /// <param name="now">The time (ms).</param>
    /// <returns>How many were removed.</returns>
    public int Sweep(long now)
    {
        int removed = 0;
        while (_byUpdate.Last is { } oldest && IsExpired(oldest.Value, now))
        {
            _byUpdate.RemoveLast();
            _entries.Remove(oldest.Value.Id);
            removed++;
        }

        Expired += removed;
        return removed;
    }

    /// <summary>Writes the table: its settings, the filter's counters, every entry and the counters.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Version);
        writer.Write(Options.Dimensions);
        writer.Write(Options.MinCount);
        writer.Write(Options.TimeToLiveMs);
        writer.Write(Options.MaxEntries);
        writer.Write(Options.InitScale);
        writer.Write(Seed);
        writer.Write(Admitted);
        writer.Write(Filtered);
        writer.Write(Expired);
        writer.Write(Evicted);
        _filter.WriteTo(writer);
        writer.Write(_entries.Count);
        for (LinkedListNode<Entry>? node = _byUpdate.Last; node is not null; node = node.Previous) // oldest first
        {
            writer.Write(node.Value.Id);
            writer.Write(node.Value.UpdatedAt);
            foreach (float x in node.Value.Vector)
            {
                writer.Write(x);
            }
        }
    }

    /// <summary>Reads a table written by <see cref="WriteTo"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The table as it was.</returns>
    /// <exception cref="InvalidDataException">Another version, bad settings, or truncated data.</exception>
    public static EmbeddingTable ReadFrom(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            int version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"embedding table version {version}; this Hindsight reads version {Version}");
            }

            int dimensions = reader.ReadInt32(), minCount = reader.ReadInt32();
            long ttl = reader.ReadInt64();
            int maxEntries = reader.ReadInt32();
            float initScale = reader.ReadSingle();
            ulong seed = reader.ReadUInt64();
            long admitted = reader.ReadInt64(), filtered = reader.ReadInt64(), expired = reader.ReadInt64(), evicted = reader.ReadInt64();
            FrequencyFilter filter = FrequencyFilter.ReadFrom(reader);
            var table = new EmbeddingTable(new EmbeddingTableOptions(dimensions, minCount, ttl, maxEntries, filter.WidthBits, initScale), seed)
            {
                _filter = filter,
                Admitted = admitted,
                Filtered = filtered,
                Expired = expired,
                Evicted = evicted,
            };
            int count = reader.ReadInt32();
            if (count < 0 || count > maxEntries)
            {
                throw new InvalidDataException($"{count} entries in a table of at most {maxEntries}");
            }

            for (int i = 0; i < count; i++)
            {
                string id = reader.ReadString();
                long updatedAt = reader.ReadInt64();
                float[] vector = new float[dimensions];
                for (int k = 0; k < dimensions; k++)
                {
                    vector[k] = reader.ReadSingle();
                }

                table._entries[id] = table._byUpdate.AddFirst(new Entry(id, vector, updatedAt));
            }

            return table;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"the embedding table is truncated or corrupt: {ex.Message}");
        }
    }

    private bool IsExpired(Entry e, long now) => now - e.UpdatedAt >= Options.TimeToLiveMs;

    private float[] Initial(string id)
    {
        var rng = new SeededRandom(Seed ^ ((ulong)VwHash.Feature(id, 0) << 32 | VwHash.Feature(id, 1)));
        float[] v = new float[Options.Dimensions];
        for (int k = 0; k < v.Length; k++)
        {
            v[k] = (float)((2 * rng.NextDouble()) - 1) * Options.InitScale;
        }

        return v;
    }

    private sealed class Entry(string id, float[] vector, long updatedAt)
    {
        public string Id { get; } = id;

        public float[] Vector { get; } = vector;

        public long UpdatedAt { get; set; } = updatedAt;
    }
}
