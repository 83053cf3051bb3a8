namespace Hindsight.Games;

/// <summary>What <see cref="SelfPlay"/> measured after a number of rounds.</summary>
/// <param name="Round">The round t.</param>
/// <param name="ExternalRegret">Each player's external regret, in payoff units.</param>
/// <param name="SwapRegret">Each player's swap regret, in payoff units.</param>
/// <param name="CceGap">The coarse correlated equilibrium gap of the empirical joint play, maxᵢ external regretᵢ / t.</param>
/// <param name="AverageNashGap">NashConv of the time-average strategies.</param>
/// <param name="LastNashGap">NashConv of the last iterate.</param>
/// <param name="Average">The time-average strategies.</param>
/// <param name="Last">The last iterate.</param>
public sealed record SelfPlayCheckpoint(
    long Round,
    IReadOnlyList<double> ExternalRegret,
    IReadOnlyList<double> SwapRegret,
    double CceGap,
    double AverageNashGap,
    double LastNashGap,
    IReadOnlyList<double[]> Average,
    IReadOnlyList<double[]> Last);
