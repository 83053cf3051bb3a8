using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>Interns namespace names read as spans and remembers their hashes, so parsing a namespace allocates nothing.</summary>
internal sealed class NamespaceCache
{
    private readonly Dictionary<string, uint> _hashes = [];
    private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NamespaceCache() => _lookup = _hashes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the group of a namespace in a feature set, by a name given as UTF-8 bytes.</summary>
    public FeatureGroup Group(FeatureSet set, ReadOnlySpan<byte> name)
    {
        Span<char> chars = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        return Group(set, chars[..System.Text.Encoding.UTF8.GetChars(name, chars)]);
    }

    /// <summary>Returns the group of a namespace in a feature set, by a name given as a span.</summary>
    public FeatureGroup Group(FeatureSet set, ReadOnlySpan<char> name)
    {
        if (!_lookup.TryGetValue(name, out string? interned, out uint hash))
        {
            interned = name.ToString();
            hash = VwHash.Namespace(interned);
            _hashes[interned] = hash;
        }

        return set.Namespace(interned, hash);
    }
}
