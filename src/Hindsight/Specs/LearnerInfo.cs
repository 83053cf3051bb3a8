using Hindsight.Bandits;

namespace Hindsight.Specs;

/// <summary>A registered learner: its name in spec files, description, parameters and factory.</summary>
/// <param name="Name">The registered name (e.g. <c>ucb1</c>).</param>
/// <param name="Description">One line for <c>hindsight list</c>.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Create">Creates a policy for a number of arms from checked parameters.</param>
public sealed record LearnerInfo(string Name, string Description, IReadOnlyList<ParameterInfo> Parameters, Func<int, ParameterSet, IBanditPolicy> Create);
