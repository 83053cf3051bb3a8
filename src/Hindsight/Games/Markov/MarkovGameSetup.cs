namespace Hindsight.Games.Markov;

/// <summary>A Markov game of a study, as the spec gave it.</summary>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Game">The game.</param>
public sealed record MarkovGameSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, MarkovGame Game);
