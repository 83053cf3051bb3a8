namespace Hindsight.Games;

/// <summary>The checkpoints of a <see cref="SelfPlay"/> run.</summary>
/// <param name="Checkpoints">One entry per checkpoint, in order.</param>
public sealed record SelfPlayResult(IReadOnlyList<SelfPlayCheckpoint> Checkpoints);
