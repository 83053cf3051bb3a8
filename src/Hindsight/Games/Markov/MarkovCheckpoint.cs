namespace Hindsight.Games.Markov;

/// <summary>What <see cref="IndependentPlay"/> measured after some iterations.</summary>
/// <param name="Iteration">t.</param>
/// <param name="LastNashGap">Nash gap of the last iterate at the start distribution.</param>
/// <param name="AverageNashGap">Nash gap of the per-state average policies.</param>
/// <param name="CceGap">CCE gap of the mixture of the iterates (an episode plays a uniformly drawn past iterate)
/// against deviations to deterministic stationary policies.</param>
/// <param name="Last">The last iterate, policy[i][s].</param>
public sealed record MarkovCheckpoint(long Iteration, double LastNashGap, double AverageNashGap, double CceGap, double[][][] Last);
