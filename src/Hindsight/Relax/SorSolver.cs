using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hindsight.Relax;

/// <summary>
/// Successive over-relaxation for A x = b: each sweep visits the rows in order and sets
/// xᵢ ← xᵢ + ω (bᵢ − Σⱼ aᵢⱼ xⱼ) / aᵢᵢ with the newest values of x, i.e. x ← x + (D/ω + L)⁻¹ (b − A x) with D the
/// diagonal and L the strict lower triangle. ω = 1 is Gauss–Seidel.
/// </summary>
/// <remarks>
/// <para>The iteration count to a relative-residual tolerance is the cost that "Learning to Relax" (Khodak, Chow,
/// Balcan and Talwalkar, ICLR 2024) learns to minimize: after each sweep the residual r = b − A x is computed and the
/// solve stops when ‖r‖₂ ≤ tol · ‖b‖₂ — the same stopping rule as the paper's code, with ‖b‖ in place of the initial
/// residual so that a warm start counts.</para>
/// <para>For symmetric positive definite A every ω in (0, 2) converges (Ostrowski–Reich); for consistently ordered
/// matrices such as the 5-point Laplacian in natural order, Young's theorem gives the optimal
/// ω* = 2 / (1 + √(1 − ρ_J²)) with ρ_J the Jacobi spectral radius.</para>
/// <para>The solver is built once per matrix (it checks the matrix and finds the diagonal); a solve allocates nothing —
/// one pass a sweep computes the new iterate and the old iterate's residual together. A solver keeps one scratch vector,
/// so it runs one solve at a time (build one per thread).</para>
/// </remarks>
public sealed class SorSolver
{
    private readonly CsrMatrix _matrix;
    private readonly double[] _inverseDiagonal;
    private readonly int[] _diagonal;
    private readonly double[] _delta;

    /// <summary>Prepares SOR for a matrix.</summary>
    /// <param name="matrix">A square matrix with a nonzero diagonal.</param>
    /// <exception cref="ArgumentException">The matrix is not square, or a diagonal entry is zero or missing (the
    /// message names the row).</exception>
    public SorSolver(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.IsSquare)
        {
            throw new ArgumentException($"SOR needs a square matrix; this one is {matrix.Rows} × {matrix.Columns}.", nameof(matrix));
        }

        _matrix = matrix;
        _inverseDiagonal = new double[matrix.Rows];
        _diagonal = new int[matrix.Rows];
        _delta = new double[matrix.Rows];
        ReadOnlySpan<int> pointers = matrix.RowPointers;
        ReadOnlySpan<int> columns = matrix.ColumnIndices;
        for (int i = 0; i < matrix.Rows; i++)
        {
            // The first entry at or right of the diagonal: the split between the strict lower part and the rest.
            int p = pointers[i];
            while (p < pointers[i + 1] && columns[p] < i)
            {
                p++;
            }

            _diagonal[i] = p;
            double d = p < pointers[i + 1] && columns[p] == i ? matrix.Values[p] : 0.0;
            if (d == 0.0)
            {
                throw new ArgumentException($"Row {i} has a zero diagonal entry; SOR divides by every diagonal entry, so the diagonal must be nonzero.", nameof(matrix));
            }

            _inverseDiagonal[i] = 1.0 / d;
        }
    }

    /// <summary>The matrix.</summary>
    public CsrMatrix Matrix => _matrix;

    /// <summary>Solves A x = b by SOR from the guess in <paramref name="x"/>, overwriting it.</summary>
    /// <param name="b">The right-hand side (Rows entries).</param>
    /// <param name="x">The initial guess on entry; on exit the first iterate that met the tolerance (recovered from the
    /// next one by subtracting the last change, so to within rounding), or the last iterate.</param>
    /// <param name="omega">The relaxation parameter ω in (0, 2).</param>
    /// <param name="tolerance">Stop when ‖b − A x‖₂ ≤ tolerance · ‖b‖₂ (tolerance &gt; 0).</param>
    /// <param name="maxIterations">The most sweeps (≥ 1); the outcome says whether it converged.</param>
    /// <returns>The sweeps taken and the final relative residual.</returns>
    /// <exception cref="ArgumentOutOfRangeException">ω outside (0, 2), a tolerance ≤ 0, a limit &lt; 1 or a wrong
    /// vector length.</exception>
    public SorOutcome Solve(ReadOnlySpan<double> b, Span<double> x, double omega, double tolerance, int maxIterations)
    {
        CheckOmega(omega);
        CheckLimits(tolerance, maxIterations);
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Length, _matrix.Rows, nameof(b));
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Length, _matrix.Rows, nameof(x));

        double bNorm = Math.Sqrt(SquaredNorm(b));
        double scale = bNorm > 0 ? bNorm : 1.0;
        double target = tolerance * scale;

        // Sweep k returns the residual of x_{k-1} (see Sweep); when x_{k-1} meets the tolerance, the sweep is undone.
        for (int k = 1; k <= maxIterations; k++)
        {
            double residual = Math.Sqrt(Sweep(b, x, omega));
            if (residual <= target)
            {
                Undo(x);
                return new SorOutcome(k - 1, residual / scale, true);
            }

            if (!double.IsFinite(residual))
            {
                return new SorOutcome(k, double.PositiveInfinity, false); // diverged: k sweeps spent, no answer
            }
        }

        double last = Math.Sqrt(Residual(b, x));
        return new SorOutcome(maxIterations, last / scale, last <= target);
    }

    /// <summary>
    /// One SOR sweep in place that also returns ‖b − A x_old‖₂², the squared residual of the iterate it started from:
    /// with sᵢ = bᵢ − Σⱼ₍ⱼ₎ aᵢⱼ xⱼ computed from the newest values and δⱼ = ω sⱼ / aⱼⱼ the change of xⱼ,
    /// the old residual is rᵢ = sᵢ + Σⱼ₍ⱼ&lt;ᵢ₎ aᵢⱼ δⱼ. One pass instead of a sweep and a residual pass; the changes are
    /// kept so that <see cref="Undo"/> can step back to x_old.
    /// </summary>
    /// <param name="b">The right-hand side.</param>
    /// <param name="x">The iterate, updated in place.</param>
    /// <param name="omega">ω in (0, 2) (not checked here: the hot loop of <see cref="Solve"/>).</param>
    /// <returns>The squared residual of x before the sweep.</returns>
    internal double Sweep(ReadOnlySpan<double> b, Span<double> x, double omega)
    {
        // Columns were checked to lie in [0, Columns) when the matrix was built and x.Length == Columns, so the
        // indirect loads need no bounds checks.
        ref int pointers = ref MemoryMarshal.GetReference(_matrix.RowPointers);
        ref int columns = ref MemoryMarshal.GetReference(_matrix.ColumnIndices);
        ref double values = ref MemoryMarshal.GetReference(_matrix.Values);
        ref int diagonal = ref MemoryMarshal.GetArrayDataReference(_diagonal);
        ref double inverse = ref MemoryMarshal.GetArrayDataReference(_inverseDiagonal);
        ref double delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double bs = ref MemoryMarshal.GetReference(b);
        int rows = _inverseDiagonal.Length;
        double total = 0.0;
        int start = 0;
        for (int i = 0; i < rows; i++)
        {
            int middle = Unsafe.Add(ref diagonal, i);
            int end = Unsafe.Add(ref pointers, i + 1);
            double s = Unsafe.Add(ref bs, i), correction = 0.0;
            for (int p = start; p < middle; p++)
            {
                int j = Unsafe.Add(ref columns, p);
                double a = Unsafe.Add(ref values, p);
                s -= a * Unsafe.Add(ref xs, j);
                correction += a * Unsafe.Add(ref delta, j);
            }

            for (int p = middle; p < end; p++)
            {
                s -= Unsafe.Add(ref values, p) * Unsafe.Add(ref xs, Unsafe.Add(ref columns, p));
            }

            double r = s + correction;
            total += r * r;
            double d = omega * s * Unsafe.Add(ref inverse, i);
            Unsafe.Add(ref xs, i) += d;
            Unsafe.Add(ref delta, i) = d;
            start = end;
        }

        return total;
    }

    /// <summary>Steps back over the last sweep: x ← x − δ.</summary>
    /// <summary>Checks a stopping rule: a tolerance &gt; 0 and at least one iteration.</summary>
    internal static void CheckLimits(double tolerance, int maxIterations)
    {
        if (!(tolerance > 0) || double.IsInfinity(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
    }

    private void Undo(Span<double> x) => System.Numerics.Tensors.TensorPrimitives.Subtract(x, _delta, x);

    /// <summary>‖b − A x‖₂².</summary>
    internal double Residual(ReadOnlySpan<double> b, ReadOnlySpan<double> x)
    {
        ReadOnlySpan<int> pointers = _matrix.RowPointers;
        ReadOnlySpan<int> columns = _matrix.ColumnIndices;
        ReadOnlySpan<double> values = _matrix.Values;
        double total = 0.0;
        int start = 0;
        for (int i = 0; i < b.Length; i++)
        {
            int end = pointers[i + 1];
            double r = b[i];
            for (int p = start; p < end; p++)
            {
                r -= values[p] * x[columns[p]];
            }

            total += r * r;
            start = end;
        }

        return total;
    }

    /// <summary>Checks ω ∈ (0, 2), the range where SOR can converge (Kahan: ρ ≥ |ω − 1|).</summary>
    /// <param name="omega">The relaxation parameter.</param>
    /// <exception cref="ArgumentOutOfRangeException">ω is outside (0, 2).</exception>
    public static void CheckOmega(double omega)
    {
        if (!(omega > 0.0 && omega < 2.0))
        {
            throw new ArgumentOutOfRangeException(nameof(omega), omega, $"ω = {omega} is outside (0, 2), where SOR cannot converge (its spectral radius is at least |ω − 1|).");
        }
    }

    private static double SquaredNorm(ReadOnlySpan<double> v) => System.Numerics.Tensors.TensorPrimitives.Dot(v, v);
}
