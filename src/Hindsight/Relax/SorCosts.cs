namespace Hindsight.Relax;

/// <summary>
/// The cost of an ω on an instance: the number of SOR sweeps from x₀ = 0 until ‖b − A x‖₂ ≤ tol · ‖b‖₂, or the cap
/// when it does not get there (as in "Learning to Relax", whose solver stops at 10 000). A pure function of the
/// instance and ω, so a table filled once serves every tuner and comparator.
/// </summary>
public sealed class SorCosts
{
    private readonly Func<int, LinearSystem> _instance;

    /// <summary>Creates the cost.</summary>
    /// <param name="instance">Builds instance t.</param>
    /// <param name="tolerance">The relative-residual tolerance &gt; 0.</param>
    /// <param name="maxIterations">The cap ≥ 1.</param>
    public SorCosts(Func<int, LinearSystem> instance, double tolerance = 1e-8, int maxIterations = 10_000)
    {
        ArgumentNullException.ThrowIfNull(instance);
        SorSolver.CheckLimits(tolerance, maxIterations);
        _instance = instance;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>The relative-residual tolerance.</summary>
    public double Tolerance { get; }

    /// <summary>The iteration cap.</summary>
    public int MaxIterations { get; }

    /// <summary>Solves instance t once per grid value (the instance built once).</summary>
    /// <param name="t">The instance.</param>
    /// <param name="grid">The ω values, each in (0, 2).</param>
    /// <param name="costs">Receives the iteration counts.</param>
    public void Fill(int t, IReadOnlyList<double> grid, Span<double> costs)
    {
        LinearSystem system = _instance(t);
        var solver = new SorSolver(system.Matrix);
        var x = new double[system.Matrix.Rows];
        for (int k = 0; k < grid.Count; k++)
        {
            Array.Clear(x);
            SorOutcome outcome = solver.Solve(system.RightHandSide, x, grid[k], Tolerance, MaxIterations);
            costs[k] = outcome.Converged ? outcome.Iterations : MaxIterations; // a solve that fails or diverges costs the cap
        }
    }

    /// <summary>Solves instance t with one ω: the callback a tuner runs live.</summary>
    /// <param name="t">The instance.</param>
    /// <param name="omega">ω in (0, 2).</param>
    /// <returns>The iteration count.</returns>
    public double Cost(int t, double omega)
    {
        Span<double> cost = stackalloc double[1];
        Fill(t, [omega], cost);
        return cost[0];
    }
}
