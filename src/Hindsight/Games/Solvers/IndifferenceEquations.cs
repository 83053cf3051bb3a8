using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Hindsight.Games.Solvers;

/// <summary>
/// The indifference equations of a support pair: M z = v·1, Σz = 1 for a mixed strategy z (length cols) that makes the
/// opponent indifferent over its rows of M; solved with MathNet (least squares when M is not square).
/// </summary>
internal static class IndifferenceEquations
{
    /// <summary>Solves for z; null when the system is singular (square case) or z leaves the simplex by more than the tolerance.</summary>
    /// <param name="rows">M's rows.</param>
    /// <param name="cols">M's columns (z's length).</param>
    /// <param name="entry">M's entries.</param>
    /// <param name="tolerance">How negative a component may be before the solution is rejected.</param>
    /// <returns>z on the simplex, or null.</returns>
    public static double[]? Solve(int rows, int cols, Func<int, int, double> entry, double tolerance)
    {
        var system = Matrix<double>.Build.Dense(rows + 1, cols + 1);
        var rhs = Vector.Build.Dense(rows + 1);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                system[r, c] = entry(r, c);
            }

            system[r, cols] = -1;
        }

        for (int c = 0; c < cols; c++)
        {
            system[rows, c] = 1;
        }

        rhs[rows] = 1;
        if (rows == cols && Math.Abs(system.Determinant()) < 1e-12)
        {
            return null;
        }

        Vector solution = system.Solve(rhs);
        double[] z = [.. solution.Take(cols)];
        if (z.Any(v => !double.IsFinite(v) || v < -tolerance))
        {
            return null;
        }

        double total = z.Sum(v => Math.Max(0, v));
        return total > 0 ? [.. z.Select(v => Math.Max(0, v) / total)] : null;
    }
}
