namespace Hindsight.Relax;

/// <summary>
/// A learner that picks one of K parameter values (an index into a grid) for each instance of a sequence and is told
/// the cost of that choice only — bandit feedback, as when the cost is a solver's iteration count.
/// </summary>
/// <remarks>The protocol for instance t: <c>arm = Choose(contextₜ)</c>, run with grid[arm], then
/// <c>Observe(arm, cost)</c>. Costs are non-negative numbers of any scale (tuners normalize them).</remarks>
public interface IParameterTuner
{
    /// <summary>The number of grid values K.</summary>
    int Arms { get; }

    /// <summary>Forgets everything and restarts the tuner's randomness from <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed.</param>
    void Reset(ulong seed);

    /// <summary>Chooses the grid index for the next instance.</summary>
    /// <param name="context">The instance's features (empty when there are none; a non-contextual tuner ignores them).</param>
    /// <returns>An index in [0, <see cref="Arms"/>).</returns>
    int Choose(ReadOnlySpan<double> context);

    /// <summary>Tells the tuner the cost of its last choice.</summary>
    /// <param name="arm">The index chosen.</param>
    /// <param name="cost">Its cost (≥ 0, finite).</param>
    void Observe(int arm, double cost);
}
