namespace Hindsight.Games.Markov;

/// <summary>The result of a <see cref="MarkovStudy"/>.</summary>
/// <param name="Study">The study.</param>
/// <param name="Checkpoints">The iterations measured.</param>
/// <param name="Pairs">Every game with every learner, game-major.</param>
/// <param name="Values">Per game, player 1's equilibrium value per state for zero-sum games (Shapley's value iteration);
/// null otherwise.</param>
public sealed record MarkovStudyResult(MarkovStudy Study, IReadOnlyList<long> Checkpoints, IReadOnlyList<MarkovPair> Pairs, IReadOnlyList<double[]?> Values);
