using Hindsight.Contextual.Features;

namespace Hindsight.Contextual;

/// <summary>
/// One logged contextual-bandit example in VW's action-dependent-features (ADF) shape: shared context features, one
/// feature set per action, and (when logged) the label. A non-ADF VW <c>--cb K</c> example gives each of its K actions
/// the line's features re-hashed with the action's index (VW's per-action weights) and no shared features.
/// </summary>
/// <param name="Shared">The shared context's features.</param>
/// <param name="Actions">Each action's own features.</param>
/// <param name="Label">The logged action, cost and probability; null for an unlabeled example.</param>
/// <param name="Line">The 1-based line of the file where the example starts.</param>
public sealed record CbExample(FeatureSet Shared, IReadOnlyList<FeatureSet> Actions, CbLabel? Label, long Line)
{
    /// <summary>True when the actions carry their own features (ADF); false for VW's <c>--cb K</c> lines.</summary>
    public bool IsAdf { get; init; } = true;

    /// <summary>An id (DSJson's EventId, or a text tag), when the format has one.</summary>
    public string? Id { get; init; }

    /// <summary>The logging policy's probability of every action in index order, when the log has them (DSJson <c>p</c>).</summary>
    public IReadOnlyList<float>? Probabilities { get; init; }

    /// <summary>Known costs of several actions (VW <c>--cb</c> lines with several <c>action:cost</c> pairs), in line order.</summary>
    public IReadOnlyList<(int Action, float Cost)> Costs { get; init; } = [];

    /// <summary>
    /// VW's feature count for this example: for every action, its own features plus the shared ones plus the
    /// constant (VW merges the shared line into each action and adds a bias feature unless --noconstant).
    /// </summary>
    /// <param name="constant">Whether the constant feature is counted.</param>
    /// <returns>The count VW reports in its "current features" column.</returns>
    public int VwFeatureCount(bool constant = true)
    {
        int shared = Shared.Count;
        int total = 0;
        foreach (FeatureSet a in Actions)
        {
            total += a.Count + shared + (constant ? 1 : 0);
        }

        return total;
    }
}
