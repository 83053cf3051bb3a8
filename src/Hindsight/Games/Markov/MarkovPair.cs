namespace Hindsight.Games.Markov;

/// <summary>One game played by one learner (every player and state running its own copy) in a <see cref="MarkovStudy"/>.</summary>
/// <param name="Game">The game's name.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Curve">One measurement per checkpoint.</param>
public sealed record MarkovPair(string Game, string Learner, IReadOnlyList<MarkovCheckpoint> Curve);
