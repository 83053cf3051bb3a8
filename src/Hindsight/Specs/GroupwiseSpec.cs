using Hindsight.Groupwise;

namespace Hindsight.Specs;

/// <summary>A groupwise-regret study spec: a CSV, its target and its groups.</summary>
/// <param name="Study">The study.</param>
public sealed record GroupwiseSpec(GroupwiseStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
