using Hindsight.Games;

namespace Hindsight.Specs;

/// <summary>A repeated-play study spec (<c>kind: game</c>): games, learners in self-play, a horizon.</summary>
/// <param name="Study">The study.</param>
public sealed record GameSpec(RepeatedGameStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
