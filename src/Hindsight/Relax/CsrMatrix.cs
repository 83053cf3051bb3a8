using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Relax;

/// <summary>
/// A sparse matrix in compressed sparse row (CSR) form: row i's entries are <see cref="Values"/>[p] at column
/// <see cref="ColumnIndices"/>[p] for p in [<see cref="RowPointers"/>[i], <see cref="RowPointers"/>[i + 1]), columns
/// strictly increasing within a row. Immutable once built.
/// </summary>
/// <remarks>
/// Written here rather than taken from MathNet.Numerics' <c>SparseMatrix</c>: MathNet's CSR storage may carry slack
/// capacity and offers no SOR, and an allocation-free SOR sweep needs a fixed, validated layout with the position of
/// every diagonal entry known in advance. <see cref="From(Matrix{double})"/> converts a MathNet matrix.
/// </remarks>
public sealed class CsrMatrix
{
    private readonly int[] _rowPointers;
    private readonly int[] _columns;
    private readonly double[] _values;

    /// <summary>Builds a matrix from its CSR arrays (copied) and checks their layout.</summary>
    /// <param name="rows">The number of rows ≥ 1.</param>
    /// <param name="columns">The number of columns ≥ 1.</param>
    /// <param name="rowPointers">rows + 1 offsets, starting at 0, non-decreasing, ending at the number of entries.</param>
    /// <param name="columnIndices">Each entry's column, strictly increasing within a row, in [0, columns).</param>
    /// <param name="values">Each entry's value (finite).</param>
    /// <exception cref="ArgumentException">The arrays do not describe a CSR matrix; the message says where.</exception>
    public CsrMatrix(int rows, int columns, ReadOnlySpan<int> rowPointers, ReadOnlySpan<int> columnIndices, ReadOnlySpan<double> values)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentException($"A matrix needs at least one row and one column, not {rows} × {columns}.");
        }

        if (rowPointers.Length != rows + 1)
        {
            throw new ArgumentException($"rowPointers has {rowPointers.Length} offsets; a {rows}-row matrix needs {rows + 1}.", nameof(rowPointers));
        }

        if (columnIndices.Length != values.Length)
        {
            throw new ArgumentException($"columnIndices has {columnIndices.Length} entries but values has {values.Length}.", nameof(values));
        }

        if (rowPointers[0] != 0 || rowPointers[rows] != values.Length)
        {
            throw new ArgumentException($"rowPointers must start at 0 and end at the number of entries ({values.Length}).", nameof(rowPointers));
        }

        for (int i = 0; i < rows; i++)
        {
            if (rowPointers[i + 1] < rowPointers[i])
            {
                throw new ArgumentException($"rowPointers decreases at row {i}.", nameof(rowPointers));
            }

            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++)
            {
                int j = columnIndices[p];
                if ((uint)j >= (uint)columns)
                {
                    throw new ArgumentException($"Row {i} has column {j}, outside [0, {columns}).", nameof(columnIndices));
                }

                if (p > rowPointers[i] && j <= columnIndices[p - 1])
                {
                    throw new ArgumentException($"Row {i}'s columns are not strictly increasing at column {j}.", nameof(columnIndices));
                }

                if (!double.IsFinite(values[p]))
                {
                    throw new ArgumentException($"Entry ({i}, {j}) is {values[p]}; entries must be finite.", nameof(values));
                }
            }
        }

        Rows = rows;
        Columns = columns;
        _rowPointers = rowPointers.ToArray();
        _columns = columnIndices.ToArray();
        _values = values.ToArray();
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>The number of stored entries.</summary>
    public int NonZeros => _values.Length;

    /// <summary>True when the matrix has as many rows as columns.</summary>
    public bool IsSquare => Rows == Columns;

    /// <summary>Row offsets into <see cref="ColumnIndices"/> and <see cref="Values"/> (Rows + 1 of them).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>Each stored entry's column.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columns;

    /// <summary>Each stored entry's value.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Entry (i, j), zero when not stored.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <returns>The entry.</returns>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
            int p = Array.BinarySearch(_columns, _rowPointers[row], _rowPointers[row + 1] - _rowPointers[row], column);
            return p >= 0 ? _values[p] : 0.0;
        }
    }

    /// <summary>y = A x.</summary>
    /// <param name="x">A vector of <see cref="Columns"/> entries.</param>
    /// <param name="y">Receives <see cref="Rows"/> entries.</param>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Length, Columns, nameof(x));
        ArgumentOutOfRangeException.ThrowIfNotEqual(y.Length, Rows, nameof(y));
        for (int i = 0; i < Rows; i++)
        {
            double sum = 0.0;
            for (int p = _rowPointers[i]; p < _rowPointers[i + 1]; p++)
            {
                sum += _values[p] * x[_columns[p]];
            }

            y[i] = sum;
        }
    }

    /// <summary>The same sparsity pattern with other values: what a sequence whose coefficients drift needs.</summary>
    /// <param name="values">One value per stored entry, in this matrix's order.</param>
    /// <returns>The new matrix (the pattern is shared, not copied).</returns>
    public CsrMatrix WithValues(ReadOnlySpan<double> values) => WithOwnedValues(values.ToArray());

    /// <summary>The same pattern with values the caller hands over (checked, not copied).</summary>
    internal CsrMatrix WithOwnedValues(double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, NonZeros, nameof(values));
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"A value is {v}; entries must be finite.", nameof(values));
            }
        }

        return new CsrMatrix(Rows, Columns, _rowPointers, _columns, values);
    }

    /// <summary>Converts a MathNet.Numerics matrix (dense or sparse), keeping its nonzero entries.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <returns>Its CSR form.</returns>
    public static CsrMatrix From(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var pointers = new int[matrix.RowCount + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < matrix.RowCount; i++)
        {
            for (int j = 0; j < matrix.ColumnCount; j++)
            {
                double v = matrix.At(i, j);
                if (v != 0.0)
                {
                    columns.Add(j);
                    values.Add(v);
                }
            }

            pointers[i + 1] = values.Count;
        }

        return new CsrMatrix(matrix.RowCount, matrix.ColumnCount, pointers, columns.ToArray(), values.ToArray());
    }

    // Shares arrays that are already validated (WithValues).
    private CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        Rows = rows;
        Columns = columns;
        _rowPointers = rowPointers;
        _columns = columnIndices;
        _values = values;
    }
}
