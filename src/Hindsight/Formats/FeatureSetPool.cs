using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>
/// Hands a reader the feature sets of one example: fresh ones, or — when reuse is on — the previous example's, emptied
/// (VW's example pool), so a streaming pass allocates almost nothing per example.
/// </summary>
internal sealed class FeatureSetPool(bool reuse)
{
    private readonly List<FeatureSet> _sets = [];
    private readonly List<FeatureSet> _actions = [];
    private int _next;

    /// <summary>Starts a new example: every set handed out before may be handed out again.</summary>
    public void Reset() => _next = 0;

    /// <summary>An empty feature set.</summary>
    public FeatureSet Rent()
    {
        if (!reuse)
        {
            return new FeatureSet();
        }

        if (_next == _sets.Count)
        {
            _sets.Add(new FeatureSet());
        }

        FeatureSet set = _sets[_next++];
        set.Clear();
        return set;
    }

    /// <summary>An empty list for an example's actions.</summary>
    public List<FeatureSet> ActionList()
    {
        if (!reuse)
        {
            return [];
        }

        _actions.Clear();
        return _actions;
    }
}
