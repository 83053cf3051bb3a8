using Hindsight.Bandits;

namespace Hindsight.Simulation;

/// <summary>An environment of an experiment: its display name, registered kind, parameters and the environment.</summary>
/// <param name="Name">The name results use (from the spec, or the kind).</param>
/// <param name="Kind">The registered name (e.g. <c>bernoulli</c>).</param>
/// <param name="Parameters">The parameters with defaults filled in, in declaration order.</param>
/// <param name="Environment">The environment.</param>
public sealed record EnvironmentSetup(
    string Name,
    string Kind,
    IReadOnlyList<KeyValuePair<string, object?>> Parameters,
    IBanditEnvironment Environment);
