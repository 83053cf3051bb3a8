namespace Hindsight.Preferences;

/// <summary>The result of a <see cref="PreferenceExperiment"/>.</summary>
/// <param name="Experiment">The study.</param>
/// <param name="Checkpoints">The iterations measured (0: the reference policy).</param>
/// <param name="Curves">Per learner (spec order), one measurement per checkpoint.</param>
public sealed record PreferenceExperimentResult(PreferenceExperiment Experiment, IReadOnlyList<long> Checkpoints, IReadOnlyList<IReadOnlyList<PreferenceCheckpoint>> Curves);
