using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Hindsight.Numerics;

namespace Hindsight.Games;

/// <summary>
/// The per-round arithmetic of two-player self-play on strategies padded with zeros to whole 4-wide vectors: the joint
/// play μ += σ₁ ⊗ σ₂, the row player's values A σ₂ and the column player's values Bᵀ σ₁. A is kept by columns and B by
/// rows, so both products are sums of broadcast-scaled columns (no horizontal sums); μ is kept by columns (Gambit
/// order, row fastest).
/// </summary>
/// <remarks>Written by hand because TensorPrimitives' per-call cost dominates on 10-element spans (30 calls a round
/// measured 248–271 ns on a 10 × 10 game, this VM, one core). Entries of a strategy below <see cref="Tiny"/> are taken
/// as zero: they cannot change a sum of double-precision values of order one, and products of two of them fall into
/// the subnormal range, whose arithmetic costs about 100× (Hedge with η = 0.1 played a 10 × 10 game for 10⁶ rounds at
/// 1 150 ns a round before this, against 400 ns).</remarks>
internal sealed class BimatrixKernel
{
    /// <summary>Strategy entries below this are zero in the play's arithmetic (their products stay ≥ 1e-300, normal).</summary>
    public const double Tiny = 1e-150;

    private const int Width = 4; // Vector256<double>
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _rowStride;
    private readonly int _columnStride;
    private readonly double[] _a; // A by columns: _a[c * _rowStride + r]
    private readonly double[] _b; // B by rows: _b[r * _columnStride + c]
    private readonly double[] _joint; // μ by columns
    private readonly double[] _row;
    private readonly double[] _column;
    private readonly double[] _rowValues;
    private readonly double[] _columnValues;

    public BimatrixKernel(NormalFormGame game)
    {
        _rows = game.StrategyCount(0);
        _columns = game.StrategyCount(1);
        _rowStride = Padded(_rows);
        _columnStride = Padded(_columns);
        _a = new double[_rowStride * _columns];
        _b = new double[_columnStride * _rows];
        _joint = new double[_rowStride * _columns];
        _row = new double[_rowStride];
        _column = new double[_columnStride];
        _rowValues = new double[_rowStride];
        _columnValues = new double[_columnStride];
        for (int c = 0; c < _columns; c++)
        {
            for (int r = 0; r < _rows; r++)
            {
                _a[(c * _rowStride) + r] = game.Payoff(0, r, c);
                _b[(r * _columnStride) + c] = game.Payoff(1, r, c);
            }
        }
    }

    /// <summary>Rows padded to whole vectors: the length of a padded row strategy or row-player value vector.</summary>
    public int RowStride => _rowStride;

    /// <summary>Columns padded to whole vectors.</summary>
    public int ColumnStride => _columnStride;

    /// <summary>μ += σ₁ ⊗ σ₂; with <paramref name="values"/> true, also A σ₂ into <paramref name="rowValues"/> and Bᵀ σ₁ into
    /// <paramref name="columnValues"/>.</summary>
    public void Play(double[] rowStrategy, double[] columnStrategy, bool values, double[] rowValues, double[] columnValues)
    {
        Array.Copy(rowStrategy, _row, _rows);
        Array.Copy(columnStrategy, _column, _columns);
        PlayPadded(_row, _column, values, _rowValues, _columnValues);
        if (values)
        {
            Array.Copy(_rowValues, rowValues, _rows);
            Array.Copy(_columnValues, columnValues, _columns);
        }
    }

    /// <summary><see cref="Play"/> on arrays of <see cref="RowStride"/> and <see cref="ColumnStride"/> elements, zero
    /// past the strategies (the values are written padded, zero past them).</summary>
    public void PlayPadded(double[] rowStrategy, double[] columnStrategy, bool values, double[] rowValues, double[] columnValues)
    {
        ref double row = ref MemoryMarshal.GetArrayDataReference(rowStrategy);
        ref double column = ref MemoryMarshal.GetArrayDataReference(columnStrategy);
        if (_rowStride <= 4 * Width)
        {
            // Up to 16 rows: the row strategy and A σ₂ in registers, one pass over the columns for μ and A σ₂.
            ref double joint = ref MemoryMarshal.GetArrayDataReference(_joint);
            ref double a = ref MemoryMarshal.GetArrayDataReference(_a);
            int stride = _rowStride;
            var r0 = Flush(Vector256.LoadUnsafe(ref row));
            var r1 = stride > Width ? Flush(Vector256.LoadUnsafe(ref row, Width)) : default;
            var r2 = stride > 2 * Width ? Flush(Vector256.LoadUnsafe(ref row, 2 * Width)) : default;
            var r3 = stride > 3 * Width ? Flush(Vector256.LoadUnsafe(ref row, 3 * Width)) : default;
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int c = 0; c < _columns; c++)
            {
                var w = Vector256.Create(Flush(Unsafe.Add(ref column, c)));
                nuint o = (nuint)(c * stride);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref joint, o) + (r0 * w), ref joint, o);
                s0 += Vector256.LoadUnsafe(ref a, o) * w;
                if (stride > Width)
                {
                    Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref joint, o + Width) + (r1 * w), ref joint, o + Width);
                    s1 += Vector256.LoadUnsafe(ref a, o + Width) * w;
                }

                if (stride > 2 * Width)
                {
                    Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref joint, o + (2 * Width)) + (r2 * w), ref joint, o + (2 * Width));
                    s2 += Vector256.LoadUnsafe(ref a, o + (2 * Width)) * w;
                }

                if (stride > 3 * Width)
                {
                    Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref joint, o + (3 * Width)) + (r3 * w), ref joint, o + (3 * Width));
                    s3 += Vector256.LoadUnsafe(ref a, o + (3 * Width)) * w;
                }
            }

            if (values)
            {
                PaddedVectors.Store(rowValues, stride, s0, s1, s2, s3);

                Product(_b, _rows, _columnStride, ref row, columnValues);
            }

            return;
        }

        Accumulate(ref row, ref column);
        if (values)
        {
            Product(_a, _columns, _rowStride, ref column, rowValues);
            Product(_b, _rows, _columnStride, ref row, columnValues);
        }
    }

    /// <summary>μ += σ₁ ⊗ σ₂ column by column (more than 16 rows).</summary>
    private void Accumulate(ref double row, ref double column)
    {
        ref double joint = ref MemoryMarshal.GetArrayDataReference(_joint);
        for (int c = 0; c < _columns; c++)
        {
            var weight = Vector256.Create(Flush(Unsafe.Add(ref column, c)));
            nuint origin = (nuint)(c * _rowStride);
            for (int k = 0; k < _rowStride; k += Width)
            {
                nuint at = origin + (nuint)k;
                var sigma = Flush(Vector256.LoadUnsafe(ref row, (nuint)k));
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref joint, at) + (sigma * weight), ref joint, at);
            }
        }
    }

    /// <summary>Writes μ in Gambit profile order (row fastest).</summary>
    public void Joint(double[] destination)
    {
        for (int c = 0; c < _columns; c++)
        {
            Array.Copy(_joint, c * _rowStride, destination, c * _rows, _rows);
        }
    }

    private static int Padded(int count) => (count + Width - 1) / Width * Width;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Flush(double p) => p >= Tiny ? p : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Flush(Vector256<double> p) => p & Vector256.GreaterThanOrEqual(p, Vector256.Create(Tiny));

    /// <summary>result = Σⱼ wⱼ M[:, j] for a matrix kept as <paramref name="count"/> padded vectors of length
    /// <paramref name="stride"/>; up to 16 lanes in registers, longer in a loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product(double[] matrix, int count, int stride, ref double weights, double[] result)
    {
        ref double m = ref MemoryMarshal.GetArrayDataReference(matrix);
        ref double r = ref MemoryMarshal.GetArrayDataReference(result);
        if (stride <= 4 * Width)
        {
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int j = 0; j < count; j++)
            {
                var w = Vector256.Create(Flush(Unsafe.Add(ref weights, j)));
                nuint o = (nuint)(j * stride);
                s0 += Vector256.LoadUnsafe(ref m, o) * w;
                if (stride > Width)
                {
                    s1 += Vector256.LoadUnsafe(ref m, o + Width) * w;
                }

                if (stride > 2 * Width)
                {
                    s2 += Vector256.LoadUnsafe(ref m, o + (2 * Width)) * w;
                }

                if (stride > 3 * Width)
                {
                    s3 += Vector256.LoadUnsafe(ref m, o + (3 * Width)) * w;
                }
            }

            PaddedVectors.Store(result, stride, s0, s1, s2, s3);

            return;
        }

        Array.Clear(result);
        for (int j = 0; j < count; j++)
        {
            var w = Vector256.Create(Flush(Unsafe.Add(ref weights, j)));
            nuint o = (nuint)(j * stride);
            for (int k = 0; k < stride; k += Width)
            {
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref r, (nuint)k) + (Vector256.LoadUnsafe(ref m, o + (nuint)k) * w), ref r, (nuint)k);
            }
        }
    }
}
