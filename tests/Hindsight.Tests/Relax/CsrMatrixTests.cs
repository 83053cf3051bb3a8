using Hindsight.Relax;
using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Tests.Relax;

public class CsrMatrixTests
{
    [Fact]
    public void Poisson_has_the_five_point_stencil_and_multiplies_like_the_dense_matrix()
    {
        CsrMatrix a = PdeMatrices.Poisson(4, shift: 0.5);
        Assert.Equal(16, a.Rows);
        Assert.Equal((16 * 5) - (4 * 4), a.NonZeros); // each of the 4 sides loses 4 neighbours
        Assert.Equal(4.5, a[5, 5]);
        Assert.Equal(-1.0, a[5, 6]);
        Assert.Equal(-1.0, a[5, 1]);
        Assert.Equal(0.0, a[3, 4]); // end of a grid row: no east neighbour

        var rng = new Random(3);
        double[] x = [.. Enumerable.Range(0, 16).Select(_ => rng.NextDouble())];
        var y = new double[16];
        a.Multiply(x, y);
        Vector<double> expected = Dense(a) * Vector<double>.Build.DenseOfArray(x);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(expected[i], y[i], 1e-14);
        }
    }

    [Fact]
    public void Diffusion_is_symmetric_and_reduces_to_poisson_for_a_constant_coefficient()
    {
        CsrMatrix d = PdeMatrices.Diffusion(5, (x, y) => 1 + (3 * x * y), 0.2);
        Matrix<double> m = Dense(d);
        Assert.True((m - m.Transpose()).FrobeniusNorm() < 1e-14);
        Assert.True(m.Evd().EigenValues.All(e => e.Real > 0)); // positive definite
        Assert.Equal(Dense(PdeMatrices.Poisson(5, 0.2)), Dense(PdeMatrices.Diffusion(5, (_, _) => 1.0, 0.2)));
    }

    [Fact]
    public void From_a_mathnet_matrix_keeps_the_nonzeros()
    {
        Matrix<double> m = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 0, 1 }, { 0, 3, 0 }, { -1, 0, 4 } });
        CsrMatrix a = CsrMatrix.From(m);
        Assert.Equal(5, a.NonZeros);
        Assert.Equal(m, Dense(a));
    }

    [Fact]
    public void Malformed_arrays_are_refused_with_the_place()
    {
        var unsorted = Assert.Throws<ArgumentException>(() => new CsrMatrix(2, 2, [0, 2, 3], [1, 0, 1], [1, 2, 3]));
        Assert.Contains("Row 0", unsorted.Message);
        var outside = Assert.Throws<ArgumentException>(() => new CsrMatrix(2, 2, [0, 1, 2], [0, 2], [1, 2]));
        Assert.Contains("column 2", outside.Message);
        Assert.Throws<ArgumentException>(() => new CsrMatrix(2, 2, [0, 1], [0], [1]));
        var nan = Assert.Throws<ArgumentException>(() => new CsrMatrix(1, 1, [0, 1], [0], [double.NaN]));
        Assert.Contains("finite", nan.Message);
        Assert.Throws<ArgumentException>(() => PdeMatrices.Diffusion(3, (x, _) => x - 0.5));
    }

    internal static Matrix<double> Dense(CsrMatrix a)
    {
        var m = Matrix<double>.Build.Dense(a.Rows, a.Columns);
        for (int i = 0; i < a.Rows; i++)
        {
            for (int p = a.RowPointers[i]; p < a.RowPointers[i + 1]; p++)
            {
                m[i, a.ColumnIndices[p]] = a.Values[p];
            }
        }

        return m;
    }
}
