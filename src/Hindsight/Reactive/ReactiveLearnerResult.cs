using Hindsight.Simulation;

namespace Hindsight.Reactive;

/// <summary>One learner's regrets in a <see cref="ReactiveStudyResult"/>: for each regret name, a statistic over runs at
/// each horizon, and the growth exponent fitted over the horizons.</summary>
/// <param name="Learner">The learner's name.</param>
/// <param name="Regrets">By regret name: one statistic per horizon.</param>
/// <param name="Exponents">By regret name: the least-squares slope of ln(mean regret) against ln T (null when fewer than
/// two horizons have a positive mean).</param>
public sealed record ReactiveLearnerResult(string Learner, IReadOnlyDictionary<string, Statistic[]> Regrets, IReadOnlyDictionary<string, double?> Exponents);
