using Hindsight.Simulation;

namespace Hindsight.Oco;

/// <summary>One (stream, learner) pair of an OCO study over its runs.</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Meters">external, dynamic and adaptive regret: curves, finals, fitted exponents.</param>
/// <param name="RoundsPerSecond">Rounds per CPU-second, meters included.</param>
public sealed record OcoPairResult(string Stream, string Learner, IReadOnlyList<MeterResult> Meters, double RoundsPerSecond);
