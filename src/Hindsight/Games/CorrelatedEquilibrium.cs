namespace Hindsight.Games;

/// <summary>A correlated (or coarse correlated) equilibrium found by a solver: a joint distribution over pure profiles.</summary>
/// <param name="Joint">μ by profile index (Gambit order, player 1 fastest), summing to 1.</param>
/// <param name="Payoffs">Each player's expected payoff under μ.</param>
public sealed record CorrelatedEquilibrium(IReadOnlyList<double> Joint, IReadOnlyList<double> Payoffs);
