using Hindsight.Dueling;

namespace Hindsight.Specs;

/// <summary>A dueling-bandit spec (<c>kind: dueling</c>): environments, learners, horizon and runs.</summary>
/// <param name="Study">The study.</param>
public sealed record DuelingSpec(DuelingStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
