using Hindsight.Simulation;

namespace Hindsight.Relax;

/// <summary>One tuner's figures in a <see cref="RelaxStudyResult"/>, over runs (seeds seed, seed + 1, …).</summary>
/// <param name="Learner">The tuner's name.</param>
/// <param name="Totals">Total iterations of each run.</param>
/// <param name="Total">The total over runs: mean and 95% CI.</param>
/// <param name="External">External regret against the best fixed ω (see <see cref="TuningRegret.External"/>).</param>
/// <param name="Dynamic">Dynamic regret against the instance-optimal ω (see <see cref="TuningRegret.Dynamic"/>).</param>
/// <param name="Cumulative">Mean cumulative iterations over runs after each checkpoint instance.</param>
public sealed record RelaxLearnerResult(string Learner, double[] Totals, Statistic Total, Statistic External, Statistic Dynamic, double[] Cumulative);
