namespace Hindsight.Simulation;

/// <summary>One regret of a pair across the horizons of a <see cref="HorizonSweep"/>.</summary>
/// <param name="Name">The meter's name.</param>
/// <param name="Finals">The final regret at each horizon (null where no run finished).</param>
/// <param name="Rate">The fitted exponent of the mean final regret in T, over every horizon.</param>
public sealed record SweepMeter(string Name, IReadOnlyList<Statistic?> Finals, RateFit Rate);
