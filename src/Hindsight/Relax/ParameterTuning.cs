namespace Hindsight.Relax;

/// <summary>
/// Tunes a parameter across a sequence of instances with a user's cost callback: for each instance the tuner reads
/// the instance's context, picks a value from the grid, the callback runs it and returns the cost, and the tuner
/// learns from that cost alone (bandit feedback).
/// </summary>
public static class ParameterTuning
{
    /// <summary>Runs a tuner over instances 0 … <paramref name="instances"/> − 1.</summary>
    /// <param name="tuner">The learner (reset with <paramref name="seed"/> first).</param>
    /// <param name="grid">The K parameter values (K = <see cref="IParameterTuner.Arms"/>).</param>
    /// <param name="instances">The number of instances T ≥ 1.</param>
    /// <param name="cost">Runs instance t with a value and returns its cost (finite, ≥ 0).</param>
    /// <param name="context">Instance t's features, or null for none.</param>
    /// <param name="seed">The tuner's seed.</param>
    /// <returns>The choices and costs.</returns>
    /// <exception cref="ArgumentException">The grid's size differs from the tuner's, or the callback returned a cost
    /// that is negative or not finite (the message names the instance and value).</exception>
    public static TuningRun Run(IParameterTuner tuner, IReadOnlyList<double> grid, int instances, ParameterCost cost, Func<int, double[]>? context = null, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        if (grid.Count != tuner.Arms)
        {
            throw new ArgumentException($"The grid has {grid.Count} values but the tuner has {tuner.Arms} arms.", nameof(grid));
        }

        return Run(tuner, instances, (t, arm) =>
        {
            double c = cost(t, grid[arm]);
            return c >= 0 && !double.IsInfinity(c) ? c
                : throw new ArgumentException($"The cost callback returned {c} for instance {t} with parameter {grid[arm]}; costs must be finite and ≥ 0.", nameof(cost));
        }, context, seed);
    }

    /// <summary>Runs a tuner on a table filled in advance (the costs do not depend on earlier choices, so reading the
    /// table gives the same run as solving live, at no cost).</summary>
    /// <param name="tuner">The learner (reset with <paramref name="seed"/> first).</param>
    /// <param name="table">The costs of every value on every instance.</param>
    /// <param name="context">Instance t's features, or null for none.</param>
    /// <param name="seed">The tuner's seed.</param>
    /// <returns>The choices and costs.</returns>
    public static TuningRun Run(IParameterTuner tuner, CostTable table, Func<int, double[]>? context = null, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Arms != tuner.Arms)
        {
            throw new ArgumentException($"The table has {table.Arms} values per instance but the tuner has {tuner.Arms} arms.", nameof(table));
        }

        return Run(tuner, table.Instances, (t, arm) => table[t, arm], context, seed);
    }

    private static TuningRun Run(IParameterTuner tuner, int instances, Func<int, int, double> cost, Func<int, double[]>? context, ulong seed)
    {
        tuner.Reset(seed);
        var choices = new int[instances];
        var costs = new double[instances];
        for (int t = 0; t < instances; t++)
        {
            int arm = tuner.Choose(context is null ? [] : context(t));
            double c = cost(t, arm);
            tuner.Observe(arm, c);
            choices[t] = arm;
            costs[t] = c;
        }

        return new TuningRun(choices, costs);
    }
}
