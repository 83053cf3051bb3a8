using Hindsight.Contextual.Features;

namespace Hindsight.Contextual.Embeddings;

/// <summary>
/// Counts how often sparse IDs occur in bounded memory — a count-min sketch with conservative update (Cormode and
/// Muthukrishnan 2005; Estan and Varghese 2002): <see cref="Depth"/> rows of saturating byte counters, each ID hashed
/// once per row; an occurrence raises only the row counters that equal the current minimum, and the estimate is the
/// minimum over rows. The estimate never undercounts (so an ID is never admitted before its true count reaches the
/// threshold), and overcounts only when other IDs collide with it in every row. Monolith filters rare IDs this way
/// before they get an embedding (Liu et al., "Monolith: Real Time Recommendation System With Collisionless Embedding
/// Table", ORSUM@RecSys 2022, §2.2).
/// </summary>
/// <remarks>Written here: no maintained .NET package offers a count-min sketch with conservative update and a stable
/// serialized form for snapshots.</remarks>
public sealed class FrequencyFilter
{
    /// <summary>The number of rows (independent hashes).</summary>
    public const int Depth = 4;

    private readonly byte[] _counters;
    private readonly int _mask;

    /// <summary>Creates an empty filter.</summary>
    /// <param name="widthBits">log₂ of the counters per row, 4 … 26 (memory: 4 · 2^bits bytes).</param>
    public FrequencyFilter(int widthBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthBits, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthBits, 26);
        WidthBits = widthBits;
        _mask = (1 << widthBits) - 1;
        _counters = new byte[Depth << widthBits];
    }

    /// <summary>log₂ of the counters per row.</summary>
    public int WidthBits { get; }

    /// <summary>Records one occurrence of an ID.</summary>
    /// <param name="id">The ID.</param>
    /// <returns>The estimated number of occurrences so far, this one included (saturates at 255).</returns>
    public int Add(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<int> slots = stackalloc int[Depth];
        int min = Minimum(id, slots);
        if (min == byte.MaxValue)
        {
            return min;
        }

        foreach (int s in slots)
        {
            if (_counters[s] == min)
            {
                _counters[s]++; // conservative update: only the counters at the minimum
            }
        }

        return min + 1;
    }

    /// <summary>The estimated occurrences of an ID so far.</summary>
    /// <param name="id">The ID.</param>
    /// <returns>An estimate that is never below the true count (below 255).</returns>
    public int Estimate(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Minimum(id, stackalloc int[Depth]);
    }

    /// <summary>Writes the counters.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(WidthBits);
        writer.Write(_counters);
    }

    /// <summary>Reads counters written by <see cref="WriteTo"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="InvalidDataException">Bad width or truncated data.</exception>
    public static FrequencyFilter ReadFrom(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int bits = reader.ReadInt32();
        if (bits is < 4 or > 26)
        {
            throw new InvalidDataException($"frequency filter width 2^{bits} is out of range");
        }

        var filter = new FrequencyFilter(bits);
        if (reader.Read(filter._counters, 0, filter._counters.Length) != filter._counters.Length)
        {
            throw new InvalidDataException("the frequency filter is truncated");
        }

        return filter;
    }

    /// <summary>Fills an ID's counter slots (one a row) and returns the smallest of their counters.</summary>
    private int Minimum(string id, Span<int> slots)
    {
        Slots(id, slots);
        int min = byte.MaxValue;
        foreach (int s in slots)
        {
            min = Math.Min(min, _counters[s]);
        }

        return min;
    }

    private void Slots(string id, Span<int> slots)
    {
        uint h = VwHash.Feature(id, 0);
        for (int row = 0; row < Depth; row++)
        {
            h = VwHash.Feature(id, h + (uint)row); // an independent seed a row
            slots[row] = (row << WidthBits) | (int)(h & (uint)_mask);
        }
    }
}
