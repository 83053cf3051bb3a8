namespace Hindsight.Relax;

/// <summary>
/// Sparse matrices of discretized elliptic PDEs on the unit square with zero Dirichlet boundary: n × n interior points
/// with spacing h = 1/(n + 1), numbered row by row (natural order), 5-point stencils scaled by h² (so the Laplacian has
/// 4 on the diagonal and −1 for each neighbour).
/// </summary>
public static class PdeMatrices
{
    /// <summary>
    /// The 5-point Laplacian −Δ plus a diagonal shift: (A u)ᵢⱼ = (4 + c) uᵢⱼ − uᵢ₋₁ⱼ − uᵢ₊₁ⱼ − uᵢⱼ₋₁ − uᵢⱼ₊₁.
    /// With c = 0 it is 2-D Poisson; with c = h²/(κ Δt) it is the matrix of an implicit Euler step of the heat equation.
    /// </summary>
    /// <param name="n">Interior points per side (≥ 1): the matrix is n² × n².</param>
    /// <param name="shift">The diagonal shift c (finite; c &gt; −8 sin²(πh/2) keeps A positive definite).</param>
    /// <returns>The matrix.</returns>
    public static CsrMatrix Poisson(int n, double shift = 0.0) => Diffusion(n, static (_, _) => 1.0, shift);

    /// <summary>
    /// The variable-coefficient diffusion operator −∇·(a ∇u) + c u: each face between neighbouring points carries
    /// a at the face's midpoint, so row (i, j) has −a_face for each neighbour and Σ a_face + c on the diagonal (the
    /// boundary faces included). The matrix is symmetric, and positive definite for a &gt; 0 and c ≥ 0.
    /// </summary>
    /// <param name="n">Interior points per side (≥ 1).</param>
    /// <param name="coefficient">a(x, y) &gt; 0 on the unit square.</param>
    /// <param name="shift">The diagonal shift c.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">The coefficient is not positive and finite somewhere (the message says where).</exception>
    public static CsrMatrix Diffusion(int n, Func<double, double, double> coefficient, double shift = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentNullException.ThrowIfNull(coefficient);
        if (!double.IsFinite(shift))
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift must be finite.");
        }

        int size = checked(n * n);
        double h = 1.0 / (n + 1);
        var pointers = new int[size + 1];
        var columns = new int[checked(5 * size)];
        var values = new double[columns.Length];
        int count = 0;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double x = (i + 1) * h, y = (j + 1) * h;
                double west = Face(coefficient, x - (0.5 * h), y);
                double east = Face(coefficient, x + (0.5 * h), y);
                double south = Face(coefficient, x, y - (0.5 * h));
                double north = Face(coefficient, x, y + (0.5 * h));
                int row = (j * n) + i;
                if (j > 0)
                {
                    columns[count] = row - n;
                    values[count++] = -south;
                }

                if (i > 0)
                {
                    columns[count] = row - 1;
                    values[count++] = -west;
                }

                columns[count] = row;
                values[count++] = west + east + south + north + shift;
                if (i < n - 1)
                {
                    columns[count] = row + 1;
                    values[count++] = -east;
                }

                if (j < n - 1)
                {
                    columns[count] = row + n;
                    values[count++] = -north;
                }

                pointers[row + 1] = count;
            }
        }

        return new CsrMatrix(size, size, pointers, columns.AsSpan(0, count), values.AsSpan(0, count));
    }

    private static double Face(Func<double, double, double> coefficient, double x, double y)
    {
        double a = coefficient(x, y);
        if (!(a > 0) || !double.IsFinite(a))
        {
            throw new ArgumentException($"The diffusion coefficient must be positive and finite; a({x:G4}, {y:G4}) = {a}.", nameof(coefficient));
        }

        return a;
    }
}
