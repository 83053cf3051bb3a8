namespace Hindsight.Games;

/// <summary>The result of a <see cref="RepeatedGameStudy"/>.</summary>
/// <param name="Study">The study.</param>
/// <param name="Checkpoints">The rounds measured.</param>
/// <param name="Pairs">Game-major, learner-minor, in spec order.</param>
/// <param name="Solutions">Each game's exact equilibria, in spec order.</param>
public sealed record RepeatedGameResult(RepeatedGameStudy Study, IReadOnlyList<long> Checkpoints, IReadOnlyList<RepeatedGamePair> Pairs, IReadOnlyList<GameSolution> Solutions);
