using Hindsight.Simulation;

namespace Hindsight.Dueling;

/// <summary>One learner on one dueling environment, over all runs.</summary>
/// <param name="Environment">The environment's name.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Meters">Condorcet regret (when the environment has a Condorcet winner) and Copeland regret.</param>
/// <param name="WinnerFraction">The mean fraction of rounds in which both arms were a Copeland winner.</param>
public sealed record DuelingPairResult(string Environment, string Learner, IReadOnlyList<MeterResult> Meters, double WinnerFraction);
