using Hindsight.Oco;

namespace Hindsight.Specs;

/// <summary>An online convex optimization study spec: a domain, loss streams and learners.</summary>
/// <param name="Study">The study.</param>
public sealed record OcoSpec(OcoStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
