using Hindsight.Regret;

namespace Hindsight.Simulation;

/// <summary>One meter's aggregate over the runs of a pair.</summary>
/// <param name="Name">The meter's name.</param>
/// <param name="Kind">Regret or other statistic.</param>
/// <param name="Final">The statistic at the horizon.</param>
/// <param name="Curve">The statistic at each checkpoint.</param>
/// <param name="Rate">The growth exponent (regrets only).</param>
public sealed record MeterResult(string Name, MeterKind Kind, Statistic Final, IReadOnlyList<Statistic> Curve, RateFit? Rate);
