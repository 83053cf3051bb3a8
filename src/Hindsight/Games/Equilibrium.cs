namespace Hindsight.Games;

/// <summary>A mixed-strategy profile found by a solver, with each player's expected payoff.</summary>
/// <param name="Strategies">One probability vector per player.</param>
/// <param name="Payoffs">Each player's expected payoff.</param>
public sealed record Equilibrium(IReadOnlyList<double[]> Strategies, IReadOnlyList<double> Payoffs);
