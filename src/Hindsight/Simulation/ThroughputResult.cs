namespace Hindsight.Simulation;

/// <summary>One throughput measurement.</summary>
/// <param name="Learner">The registered learner name.</param>
/// <param name="Rounds">Rounds timed.</param>
/// <param name="Seconds">Wall time of the timed run.</param>
/// <param name="RoundsPerSecond">Rounds / seconds.</param>
/// <param name="AllocatedBytesPerRound">Bytes allocated on the thread during the timed run, per round.</param>
/// <param name="PseudoRegret">The run's pseudo-regret (a sanity check that the work was done).</param>
public sealed record ThroughputResult(string Learner, long Rounds, double Seconds, double RoundsPerSecond, double AllocatedBytesPerRound, double PseudoRegret);
