using System.Runtime.InteropServices;

namespace Hindsight.Contextual.Features;

/// <summary>The features of one line of an example (the shared context, or one action): a list of namespaces.</summary>
public sealed class FeatureSet
{
    private readonly List<FeatureGroup> _groups = [];
    private readonly List<FeatureGroup> _spare = []; // cleared groups kept for reuse (their lists keep their capacity)

    /// <summary>The namespaces, in the order they appeared.</summary>
    public IReadOnlyList<FeatureGroup> Groups => _groups;

    /// <summary>The namespaces as a span (no copy, no interface calls; valid until the set changes).</summary>
    public ReadOnlySpan<FeatureGroup> GroupSpan => CollectionsMarshal.AsSpan(_groups);

    /// <summary>The total number of features over all namespaces.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (FeatureGroup g in _groups)
            {
                n += g.Count;
            }

            return n;
        }
    }

    /// <summary>Returns the group of a namespace, creating it when it is new (same name ⇒ same group).</summary>
    /// <param name="name">The namespace name.</param>
    /// <returns>The group.</returns>
    public FeatureGroup Namespace(string name)
    {
        foreach (FeatureGroup g in _groups)
        {
            if (g.Name == name)
            {
                return g;
            }
        }

        var group = Recycled(name) ?? new FeatureGroup(name);
        _groups.Add(group);
        return group;
    }

    /// <summary>Returns the group of a namespace whose hash is known, creating it when it is new.</summary>
    /// <param name="name">The namespace name.</param>
    /// <param name="hash">Its hash.</param>
    /// <returns>The group.</returns>
    public FeatureGroup Namespace(string name, uint hash)
    {
        for (int i = 0; i < _groups.Count; i++)
        {
            if (ReferenceEquals(_groups[i].Name, name) || _groups[i].Name == name)
            {
                return _groups[i];
            }
        }

        var group = Recycled(name) ?? new FeatureGroup(name, hash);
        _groups.Add(group);
        return group;
    }

    /// <summary>
    /// Empties the set for reuse: it then reads as a new set (no namespaces), but namespaces added again reuse their
    /// old groups and storage, so refilling it allocates nothing.
    /// </summary>
    public void Clear()
    {
        foreach (FeatureGroup g in _groups)
        {
            g.Clear();
            _spare.Add(g);
        }

        _groups.Clear();
    }

    private FeatureGroup? Recycled(string name)
    {
        for (int i = 0; i < _spare.Count; i++)
        {
            if (ReferenceEquals(_spare[i].Name, name) || _spare[i].Name == name)
            {
                FeatureGroup g = _spare[i];
                _spare[i] = _spare[^1];
                _spare.RemoveAt(_spare.Count - 1);
                return g;
            }
        }

        return null;
    }
}
