using Hindsight.Bandits;

namespace Hindsight.Simulation;

/// <summary>A learner of an experiment: its display name, registered kind, parameters and a factory.</summary>
/// <param name="Name">The name results use (from the spec, or the kind).</param>
/// <param name="Kind">The registered name (e.g. <c>ucb1</c>).</param>
/// <param name="Parameters">The parameters with defaults filled in, in declaration order.</param>
/// <param name="Create">Creates a fresh policy for a number of arms.</param>
public sealed record LearnerSetup(
    string Name,
    string Kind,
    IReadOnlyList<KeyValuePair<string, object?>> Parameters,
    Func<int, IBanditPolicy> Create);
