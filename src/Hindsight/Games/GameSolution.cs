namespace Hindsight.Games;

/// <summary>A game's exact equilibria, the reference of a repeated-play study.</summary>
/// <param name="Game">The game's name.</param>
/// <param name="Method">How they were found.</param>
/// <param name="Equilibria">The Nash equilibria found (empty for n-player games).</param>
/// <param name="Value">The players' payoffs at equilibrium for a zero-sum game, the welfare-maximizing CE's for an
/// n-player game; null otherwise.</param>
public sealed record GameSolution(string Game, string Method, IReadOnlyList<Equilibrium> Equilibria, IReadOnlyList<double>? Value);
