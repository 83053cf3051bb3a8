namespace Hindsight.Reactive;

/// <summary>The rewards of the comparators of one run of a reactive bandit, replayed from its start.</summary>
/// <param name="FixedArms">For each arm a, Σₜ rₜ(a, …, a).</param>
/// <param name="Planners">Each planner's reward, by name.</param>
public sealed record ComparatorRewards(double[] FixedArms, IReadOnlyDictionary<string, double> Planners);
