using Hindsight.Simulation;

namespace Hindsight.Preferences;

/// <summary>A preference-learning study (<c>kind: preference</c> specs): every learner on one preference game, measured
/// by <see cref="PreferenceStudy"/> against the exact targets.</summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">An optional description.</param>
/// <param name="Iterations">Iterations per learner.</param>
/// <param name="Beta">β of the regularized game.</param>
/// <param name="Seed">The seed of the learners' sampled duels.</param>
/// <param name="GameKind">The game's kind.</param>
/// <param name="GameParameters">The game's parameters.</param>
/// <param name="Game">The game.</param>
/// <param name="Learners">The learners.</param>
/// <param name="Targets">The game's exact targets for β (<see cref="PreferenceTargets.Of"/>).</param>
public sealed record PreferenceExperiment(string Name, string? Description, long Iterations, double Beta, ulong Seed, string GameKind, IReadOnlyList<KeyValuePair<string, object?>> GameParameters, PreferenceGame Game, IReadOnlyList<PreferenceLearnerSetup> Learners, PreferenceTargets Targets)
{
    /// <summary>Runs every learner (in parallel; results do not depend on the threads).</summary>
    /// <returns>Each learner's checkpoints, in spec order.</returns>
    /// <exception cref="InvalidOperationException">A run failed (the first failure is the inner exception).</exception>
    public PreferenceExperimentResult Run()
    {
        long[] checkpoints = [0, .. Checkpoints.Geometric(Iterations, 30)];
        var curves = new IReadOnlyList<PreferenceCheckpoint>[Learners.Count];
        ParallelRuns.For(Learners.Count, k => curves[k] = PreferenceStudy.Run(Game, Learners[k].Create(), Beta, checkpoints, Targets));
        return new PreferenceExperimentResult(this, checkpoints, curves);
    }
}
