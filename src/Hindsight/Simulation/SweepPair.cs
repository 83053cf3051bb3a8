namespace Hindsight.Simulation;

/// <summary>One (environment, learner) pair of a <see cref="HorizonSweep"/>.</summary>
/// <param name="Environment">The environment's name.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Meters">One entry per regret meter.</param>
public sealed record SweepPair(string Environment, string Learner, IReadOnlyList<SweepMeter> Meters);
