namespace Hindsight.Games;

/// <summary>One game played by one learner in self-play.</summary>
/// <param name="Game">The game's name.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Play">The measurements.</param>
public sealed record RepeatedGamePair(string Game, string Learner, SelfPlayResult Play);
