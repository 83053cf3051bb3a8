using Hindsight.Bandits;

namespace Hindsight.Games;

/// <summary>A learner every player of a game runs (self-play), as the spec gave it.</summary>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">Its registered kind.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Create">Makes a fresh learner for a player with the given number of strategies.</param>
public sealed record PlayerSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, Func<int, IBanditPolicy> Create);
