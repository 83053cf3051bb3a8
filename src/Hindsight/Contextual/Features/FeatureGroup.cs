using System.Runtime.InteropServices;

namespace Hindsight.Contextual.Features;

/// <summary>
/// The features of one namespace: hashed indices and values. The namespace's first character is its
/// <see cref="Index"/>, which interactions refer to (VW's <c>-q sa</c> crosses namespaces starting with 's' and 'a').
/// </summary>
public sealed class FeatureGroup
{
    private readonly List<uint> _hashes = [];
    private readonly List<float> _values = [];

    /// <summary>Creates an empty group.</summary>
    /// <param name="name">The namespace name (empty or " " for the default namespace).</param>
    public FeatureGroup(string name)
        : this(name, VwHash.Namespace(name))
    {
    }

    /// <summary>Creates an empty group whose namespace hash is already known (readers cache it).</summary>
    /// <param name="name">The namespace name.</param>
    /// <param name="hash">Its hash, <see cref="VwHash.Namespace"/> of the name.</param>
    public FeatureGroup(string name, uint hash)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Index = name.Length > 0 ? name[0] : ' ';
        Hash = hash;
    }

    /// <summary>The namespace name.</summary>
    public string Name { get; }

    /// <summary>The namespace's index character (its first character, ' ' for the default namespace).</summary>
    public char Index { get; }

    /// <summary>The namespace hash (the seed of its features' hashes).</summary>
    public uint Hash { get; }

    /// <summary>The features' hashes (unmasked).</summary>
    public IReadOnlyList<uint> Hashes => _hashes;

    /// <summary>The features' values, aligned with <see cref="Hashes"/>.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <summary>The features' hashes as a span (no copy; valid until the group changes).</summary>
    public ReadOnlySpan<uint> HashSpan => CollectionsMarshal.AsSpan(_hashes);

    /// <summary>The features' values as a span (no copy; valid until the group changes).</summary>
    public ReadOnlySpan<float> ValueSpan => CollectionsMarshal.AsSpan(_values);

    /// <summary>The number of features.</summary>
    public int Count => _hashes.Count;

    /// <summary>Adds a named feature; a zero value is dropped, as VW does.</summary>
    /// <param name="name">The feature name.</param>
    /// <param name="value">Its value.</param>
    public void Add(ReadOnlySpan<char> name, float value)
    {
        if (value != 0)
        {
            _hashes.Add(VwHash.Feature(name, Hash));
            _values.Add(value);
        }
    }

    /// <summary>Adds an already hashed feature; a zero value is dropped.</summary>
    /// <param name="hash">The feature hash.</param>
    /// <param name="value">Its value.</param>
    public void AddHashed(uint hash, float value)
    {
        if (value != 0)
        {
            _hashes.Add(hash);
            _values.Add(value);
        }
    }

    /// <summary>Removes every feature, keeping the storage.</summary>
    public void Clear()
    {
        _hashes.Clear();
        _values.Clear();
    }
}
