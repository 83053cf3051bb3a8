using System.Runtime.InteropServices;
using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>
/// Remembers, per action position, the raw text of the last action parsed there and its feature set, so a reader that
/// recycles examples can skip parsing an action whose text is byte for byte the previous event's — the common case in
/// decision logs, where every event repeats the catalog's action features. Exact by construction: equal text gives
/// equal features; only text that parsed without error is remembered.
/// </summary>
internal sealed class ActionCache
{
    private readonly List<Entry> _entries = [];

    /// <summary>The cached set when the text equals the cached text at this position.</summary>
    public bool TryGet(int position, ReadOnlySpan<byte> text, out FeatureSet set)
    {
        if (position < _entries.Count && _entries[position] is { Length: >= 0 } entry && entry.Length == text.Length
            && Same(text, entry.Raw.AsSpan(0, entry.Length)))
        {
            set = entry.Set;
            return true;
        }

        set = null!;
        return false;
    }

    /// <summary>
    /// The cached set when the text starts with the cached text at this position, and that text's length: for
    /// self-delimiting values (a JSON object ends where its brackets close, so a prefix equal to a complete object is
    /// that object).
    /// </summary>
    public bool TryGetPrefix(int position, ReadOnlySpan<byte> text, out FeatureSet set, out int length)
    {
        if (position < _entries.Count && _entries[position] is { Length: >= 0 } entry && entry.Length <= text.Length
            && Same(text[..entry.Length], entry.Raw.AsSpan(0, entry.Length)))
        {
            set = entry.Set;
            length = entry.Length;
            return true;
        }

        set = null!;
        length = 0;
        return false;
    }

    /// <summary>
    /// Starts replacing the action at a position: returns its emptied feature set for the caller to fill, then
    /// <see cref="Commit"/> with the text it was parsed from. Until committed the position matches nothing (so a parse
    /// that fails leaves nothing behind).
    /// </summary>
    public FeatureSet Begin(int position)
    {
        while (_entries.Count <= position)
        {
            _entries.Add(new Entry());
        }

        Entry entry = _entries[position];
        entry.Length = -1;
        entry.Set.Clear();
        return entry.Set;
    }

    /// <summary>Remembers the text the set begun at a position was parsed from.</summary>
    public void Commit(int position, ReadOnlySpan<byte> text)
    {
        Entry entry = _entries[position];
        if (entry.Raw.Length < text.Length)
        {
            entry.Raw = new byte[Math.Max(text.Length, entry.Raw.Length * 2)];
        }

        text.CopyTo(entry.Raw);
        entry.Length = text.Length;
    }

    /// <summary>
    /// Byte equality, eight bytes at a time. Written out because the framework's precompiled (ReadyToRun)
    /// SequenceEqual, which the CLI runs as is since it compiles without tiering, took ~8% of a DSJson pass here —
    /// ten times the cost of the same comparison JIT-compiled.
    /// </summary>
    private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        int i = 0;
        for (; i + 8 <= a.Length; i += 8)
        {
            if (MemoryMarshal.Read<ulong>(a[i..]) != MemoryMarshal.Read<ulong>(b[i..]))
            {
                return false;
            }
        }

        for (; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Entry
    {
        public byte[] Raw { get; set; } = [];

        public int Length { get; set; } = -1;

        public FeatureSet Set { get; } = new();
    }
}
