using Hindsight.Bandits;

namespace Hindsight.Specs;

/// <summary>A registered environment: its name in spec files, description, parameters, cross-field check and factory.</summary>
/// <param name="Name">The registered name (e.g. <c>bernoulli</c>).</param>
/// <param name="Description">One line for <c>hindsight list</c>.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Check">Finds a problem between parameters (e.g. arm counts that disagree), or returns null.</param>
/// <param name="Create">Creates the environment from checked parameters.</param>
public sealed record EnvironmentInfo(
    string Name,
    string Description,
    IReadOnlyList<ParameterInfo> Parameters,
    Func<ParameterSet, ParameterProblem?> Check,
    Func<ParameterSet, IBanditEnvironment> Create);
