using Hindsight.Simulation;

namespace Hindsight.Specs;

/// <summary>A bandit (or experts, or contextual) experiment spec: environments × learners × runs.</summary>
/// <param name="Experiment">The experiment.</param>
public sealed record BanditSpec(Experiment Experiment) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Experiment.Name;
}
