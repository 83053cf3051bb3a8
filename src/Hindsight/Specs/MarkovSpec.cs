using Hindsight.Games.Markov;

namespace Hindsight.Specs;

/// <summary>An independent-learning spec on Markov games (<c>kind: markov</c>).</summary>
/// <param name="Study">The study.</param>
public sealed record MarkovSpec(MarkovStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
