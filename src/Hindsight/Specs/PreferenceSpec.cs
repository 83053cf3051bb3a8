using Hindsight.Preferences;

namespace Hindsight.Specs;

/// <summary>A preference-learning spec (<c>kind: preference</c>): a preference game, β, learners, iterations.</summary>
/// <param name="Experiment">The study.</param>
public sealed record PreferenceSpec(PreferenceExperiment Experiment) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Experiment.Name;
}
