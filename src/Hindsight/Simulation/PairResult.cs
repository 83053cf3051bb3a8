namespace Hindsight.Simulation;

/// <summary>The results of one (environment, learner) pair over its completed runs.</summary>
/// <param name="Environment">The environment's setup.</param>
/// <param name="Learner">The learner's setup.</param>
/// <param name="RunsCompleted">How many runs finished (fewer than asked when stopped early).</param>
/// <param name="Meters">One result per meter, in the experiment's order.</param>
/// <param name="Seconds">Wall time from the pair's first run starting to its last finishing.</param>
/// <param name="RoundsPerSecond">Completed runs × horizon / CPU-seconds spent in those runs.</param>
public sealed record PairResult(
    EnvironmentSetup Environment,
    LearnerSetup Learner,
    int RunsCompleted,
    IReadOnlyList<MeterResult> Meters,
    double Seconds,
    double RoundsPerSecond);
