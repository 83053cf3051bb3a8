namespace Hindsight.Games;

/// <summary>A game of a repeated-play study, as the spec gave it.</summary>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">Its kind (a classic's name, <c>random-zero-sum</c>, <c>random-general-sum</c> or <c>nfg</c>).</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Game">The game.</param>
public sealed record GameSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, NormalFormGame Game);
