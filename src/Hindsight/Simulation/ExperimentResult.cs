namespace Hindsight.Simulation;

/// <summary>Everything an experiment measured.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Checkpoints">The rounds at which curves are sampled (the last is the horizon).</param>
/// <param name="Pairs">One result per (environment, learner) pair with at least one completed run, environment-major.</param>
/// <param name="Partial">True when the run was stopped before every run finished.</param>
/// <param name="Notes">Remarks a reader needs (why a value is null, that results are partial).</param>
/// <param name="Sweep">The same experiment at further horizons, when the spec asks for a horizon sweep.</param>
public sealed record ExperimentResult(
    Experiment Experiment,
    IReadOnlyList<long> Checkpoints,
    IReadOnlyList<PairResult> Pairs,
    bool Partial,
    IReadOnlyList<string> Notes,
    HorizonSweep? Sweep = null);
