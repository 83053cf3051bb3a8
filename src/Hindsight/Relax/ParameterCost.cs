namespace Hindsight.Relax;

/// <summary>The cost of running instance <paramref name="instance"/> with a parameter value — a user's callback
/// (a solver's iteration count, a run time, a loss).</summary>
/// <param name="instance">The instance, 0-based.</param>
/// <param name="parameter">The value the tuner chose from the grid.</param>
/// <returns>The cost, a finite number ≥ 0.</returns>
public delegate double ParameterCost(int instance, double parameter);
