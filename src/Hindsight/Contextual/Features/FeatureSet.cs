namespace Hindsight.Contextual.Features;

/// <summary>The features of one line of an example (the shared context, or one action): a list of namespaces.</summary>
public sealed class FeatureSet
{
    private readonly List<FeatureGroup> _groups = [];

    /// <summary>The namespaces, in the order they appeared.</summary>
    public IReadOnlyList<FeatureGroup> Groups => _groups;

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

        var group = new FeatureGroup(name);
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

        var group = new FeatureGroup(name, hash);
        _groups.Add(group);
        return group;
    }
}
