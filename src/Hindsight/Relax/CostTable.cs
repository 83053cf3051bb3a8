using Hindsight.Simulation;

namespace Hindsight.Relax;

/// <summary>
/// The cost of every grid value on every instance (an exhaustive sweep): what the comparators need — the best fixed
/// value in hindsight, argminₖ Σₜ cₜₖ, and the instance-optimal policy, Σₜ minₖ cₜₖ.
/// </summary>
/// <remarks>The regrets measured against them are named in <see cref="TuningRegret"/>.</remarks>
public sealed class CostTable
{
    private readonly double[] _costs;
    private readonly double[] _totals;

    private CostTable(int instances, int arms, double[] costs)
    {
        Instances = instances;
        Arms = arms;
        _costs = costs;
        _totals = new double[arms];
        for (int t = 0; t < instances; t++)
        {
            double min = double.PositiveInfinity;
            for (int k = 0; k < arms; k++)
            {
                double c = costs[(t * arms) + k];
                _totals[k] += c;
                min = Math.Min(min, c);
            }

            InstanceOptimalTotal += min;
        }

        for (int k = 1; k < arms; k++)
        {
            if (_totals[k] < _totals[BestFixedArm])
            {
                BestFixedArm = k;
            }
        }
    }

    /// <summary>The number of instances T.</summary>
    public int Instances { get; }

    /// <summary>The number of grid values K.</summary>
    public int Arms { get; }

    /// <summary>The cost of value k on instance t.</summary>
    /// <param name="instance">t.</param>
    /// <param name="arm">k.</param>
    /// <returns>cₜₖ.</returns>
    public double this[int instance, int arm] => _costs[(instance * Arms) + arm];

    /// <summary>Fills the table instance by instance, instances spread over the cores.</summary>
    /// <param name="instances">T ≥ 1.</param>
    /// <param name="arms">K ≥ 1.</param>
    /// <param name="fill">Writes the K costs of instance t (called once per instance, possibly concurrently).</param>
    /// <param name="threads">At most this many instances at once (≤ 0: the runtime's choice).</param>
    /// <returns>The table.</returns>
    public static CostTable Sweep(int instances, int arms, Action<int, Span<double>> fill, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentNullException.ThrowIfNull(fill);
        var costs = new double[checked(instances * arms)];
        ParallelRuns.For(instances, t => fill(t, costs.AsSpan(t * arms, arms)), threads);
        return new CostTable(instances, arms, costs);
    }

    /// <summary>Σₜ cₜₖ: the total cost of always choosing value k.</summary>
    /// <param name="arm">k.</param>
    /// <returns>The total.</returns>
    public double Total(int arm) => _totals[arm];

    /// <summary>The best fixed value in hindsight, argminₖ Σₜ cₜₖ (the first on ties).</summary>
    public int BestFixedArm { get; }

    /// <summary>Σₜ minₖ cₜₖ: the total of the instance-optimal policy.</summary>
    public double InstanceOptimalTotal { get; }

    /// <summary>The instance-optimal choice for instance t (the first on ties).</summary>
    /// <param name="instance">t.</param>
    /// <returns>argminₖ cₜₖ.</returns>
    public int InstanceOptimalArm(int instance)
    {
        int best = 0;
        for (int k = 1; k < Arms; k++)
        {
            if (this[instance, k] < this[instance, best])
            {
                best = k;
            }
        }

        return best;
    }
}
