namespace Hindsight.Games;

/// <summary>A game's exact equilibria, the reference of a repeated-play study.</summary>
/// <param name="Game">The game's name.</param>
/// <param name="Method">How they were found.</param>
/// <param name="Equilibria">The Nash equilibria found (two-player games; empty for n players, where none is computed).</param>
/// <param name="Value">The players' payoffs at equilibrium of a zero-sum game (its value); null otherwise.</param>
/// <param name="CorrelatedPayoffs">For an n-player game, the players' payoffs at the welfare-maximizing correlated
/// equilibrium; null otherwise.</param>
public sealed record GameSolution(string Game, string Method, IReadOnlyList<Equilibrium> Equilibria, IReadOnlyList<double>? Value, IReadOnlyList<double>? CorrelatedPayoffs);
