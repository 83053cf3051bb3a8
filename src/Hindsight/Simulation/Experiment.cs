namespace Hindsight.Simulation;

/// <summary>An experiment: environments × learners × runs of <see cref="Horizon"/> rounds, with the meters to record.</summary>
/// <param name="Name">The experiment's name.</param>
/// <param name="Horizon">Rounds per run T ≥ 1.</param>
/// <param name="Runs">Runs per (environment, learner) pair ≥ 1.</param>
/// <param name="Seed">The seed: results depend on it and on the spec only.</param>
/// <param name="Environments">The environments.</param>
/// <param name="Learners">The learners.</param>
/// <param name="Meters">The meter names (see <see cref="Regret.Meters"/>).</param>
/// <param name="Description">Free text from the spec, echoed into results (optional).</param>
/// <param name="SwitchingCost">λ, the cost of one switch in the <c>switching</c> meter (default 1).</param>
/// <param name="Horizons">Further horizons to rerun the whole experiment at (a horizon sweep; empty by default): the
/// report fits each pair's final regret against T across them.</param>
public sealed record Experiment(
    string Name,
    long Horizon,
    int Runs,
    ulong Seed,
    IReadOnlyList<EnvironmentSetup> Environments,
    IReadOnlyList<LearnerSetup> Learners,
    IReadOnlyList<string> Meters,
    string? Description = null,
    double SwitchingCost = 1.0,
    IReadOnlyList<long>? Horizons = null);
