using Hindsight.Relax;
using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Tests.Relax;

public class SorSolverTests
{
    private static double[] RightHandSide(int size, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, size).Select(_ => rng.NextDouble() - 0.3)];
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(0.7)]
    public void Solves_to_the_tolerance_and_agrees_with_a_direct_solve(double omega)
    {
        CsrMatrix a = PdeMatrices.Diffusion(8, (x, y) => 1 + x + (2 * y), 0.1);
        double[] b = RightHandSide(a.Rows, 1);
        var x = new double[a.Rows];
        SorOutcome outcome = new SorSolver(a).Solve(b, x, omega, 1e-10, 10_000);
        Assert.True(outcome.Converged);

        // The residual it reports is the true one, and it meets the tolerance.
        var ax = new double[a.Rows];
        a.Multiply(x, ax);
        double residual = Math.Sqrt(b.Zip(ax, (p, q) => (p - q) * (p - q)).Sum()) / Math.Sqrt(b.Sum(v => v * v));
        Assert.Equal(residual, outcome.RelativeResidual, 1e-12);
        Assert.True(residual <= 1e-10);
        Vector<double> exact = CsrMatrixTests.Dense(a).Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.True((exact - Vector<double>.Build.DenseOfArray(x)).InfinityNorm() < 1e-8 * exact.InfinityNorm());

        // The count is the first iterate that meets it: one sweep fewer does not.
        var y = new double[a.Rows];
        SorOutcome shorter = new SorSolver(a).Solve(b, y, omega, 1e-10, outcome.Iterations - 1);
        Assert.False(shorter.Converged);
        Assert.True(shorter.RelativeResidual > 1e-10);
    }

    [Fact]
    public void Gauss_seidel_converges_at_the_square_of_the_jacobi_radius()
    {
        // For the 5-point Laplacian ρ_J = cos πh and Gauss–Seidel's rate is ρ_J² (Young): the extra sweeps from 1e-6 to
        // 1e-10 are ln 1e-4 / ln ρ_J² once the transient has died out.
        int n = 16;
        double rhoJ = Math.Cos(Math.PI / (n + 1));
        CsrMatrix a = PdeMatrices.Poisson(n);
        double[] b = RightHandSide(a.Rows, 2);
        var solver = new SorSolver(a);
        int loose = solver.Solve(b, new double[a.Rows], 1.0, 1e-6, 100_000).Iterations;
        int tight = solver.Solve(b, new double[a.Rows], 1.0, 1e-10, 100_000).Iterations;
        double predicted = Math.Log(1e-4) / Math.Log(rhoJ * rhoJ);
        Assert.InRange(tight - loose, 0.97 * predicted, 1.03 * predicted);
    }

    [Fact]
    public void Youngs_optimal_omega_is_where_the_iteration_count_bottoms_out()
    {
        int n = 24;
        double rhoJ = Math.Cos(Math.PI / (n + 1));
        double optimal = 2 / (1 + Math.Sqrt(1 - (rhoJ * rhoJ)));
        CsrMatrix a = PdeMatrices.Poisson(n);
        double[] b = RightHandSide(a.Rows, 3);
        var solver = new SorSolver(a);
        double[] omegas = [.. Enumerable.Range(0, 99).Select(i => 1.0 + (0.01 * i))];
        int[] counts = [.. omegas.Select(w => solver.Solve(b, new double[a.Rows], w, 1e-8, 100_000).Iterations)];
        double best = omegas[Array.IndexOf(counts, counts.Min())];
        Assert.InRange(best, optimal - 0.03, optimal + 0.03);
        Assert.True(counts[0] > 10 * counts.Min(), $"Gauss–Seidel {counts[0]}, best {counts.Min()}");
    }

    [Fact]
    public void A_solve_allocates_nothing()
    {
        CsrMatrix a = PdeMatrices.Poisson(32, 0.1);
        double[] b = RightHandSide(a.Rows, 4);
        var x = new double[a.Rows];
        var solver = new SorSolver(a);
        solver.Solve(b, x, 1.5, 1e-8, 10_000);
        Array.Clear(x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SorOutcome outcome = solver.Solve(b, x, 1.5, 1e-8, 10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(outcome.Iterations > 10);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Bad_inputs_get_clear_errors()
    {
        var square = Assert.Throws<ArgumentException>(() => new SorSolver(new CsrMatrix(2, 3, [0, 1, 2], [0, 1], [1, 1])));
        Assert.Contains("square", square.Message);
        Assert.Contains("2 × 3", square.Message);

        var zero = Assert.Throws<ArgumentException>(() => new SorSolver(new CsrMatrix(2, 2, [0, 1, 3], [0, 0, 1], [1, 1, 0])));
        Assert.Contains("Row 1", zero.Message);
        var missing = Assert.Throws<ArgumentException>(() => new SorSolver(new CsrMatrix(2, 2, [0, 1, 2], [0, 0], [1, 1])));
        Assert.Contains("Row 1", missing.Message);
        Assert.Contains("diagonal", missing.Message);

        var solver = new SorSolver(PdeMatrices.Poisson(3));
        var b = new double[9];
        foreach (double omega in new[] { 0.0, 2.0, -1.0, 2.5, double.NaN })
        {
            var bad = Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(b, new double[9], omega, 1e-8, 10));
            Assert.Contains("(0, 2)", bad.Message);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(b, new double[9], 1.0, 0.0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(b, new double[8], 1.0, 1e-8, 10));
    }

    [Fact]
    public void A_diverging_solve_says_so_and_costs_the_cap()
    {
        // Symmetric but indefinite: Gauss–Seidel's iteration matrix has spectral radius 9, so it blows up.
        var a = new CsrMatrix(2, 2, [0, 2, 4], [0, 1, 0, 1], [1.0, 3.0, 3.0, 1.0]);
        double[] b = [1.0, 1.0];
        SorOutcome outcome = new SorSolver(a).Solve(b, new double[2], 1.0, 1e-8, 2000);
        Assert.False(outcome.Converged);
        Assert.True(outcome.Iterations < 2000, "stops once the residual is no longer finite");
        var costs = new SorCosts(_ => new LinearSystem(a, b, []), 1e-8, 2000);
        Assert.Equal(2000, costs.Cost(0, 1.0));
        Assert.Equal(500, new SorCosts(_ => new LinearSystem(a, b, []), 1e-8, 500).Cost(0, 1.5));
    }

    [Fact]
    public void A_guess_that_already_meets_the_tolerance_costs_nothing_and_is_kept()
    {
        CsrMatrix a = PdeMatrices.Poisson(6, 1.0);
        double[] b = RightHandSide(a.Rows, 5);
        var x = new double[a.Rows];
        var solver = new SorSolver(a);
        solver.Solve(b, x, 1.2, 1e-12, 1000);
        double[] solved = [.. x];
        SorOutcome again = solver.Solve(b, x, 1.2, 1e-8, 1000);
        Assert.Equal(0, again.Iterations);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(solved[i], x[i], 1e-15 * Math.Abs(solved[i])); // the sweep it tried is undone (x + δ − δ, to rounding)
        }
    }
}
