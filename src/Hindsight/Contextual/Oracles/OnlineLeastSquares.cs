namespace Hindsight.Contextual.Oracles;

/// <summary>
/// Online (recursive) least squares with ridge regularization over a small hashed feature space of D = 2^bits
/// dimensions: after examples (xₛ, yₛ, wₛ), θ = (λI + Σ wₛ xₛxₛᵀ)⁻¹ Σ wₛ yₛ xₛ exactly. Each update is the weighted
/// Sherman–Morrison step k = P x / (1/w + xᵀP x), θ ← θ + k (y − xᵀθ), P ← P − k (P x)ᵀ, in O(D · nnz + D²).
/// </summary>
/// <remarks>The exact least-squares fit, with no learning rate to tune; its cost grows as D², so it suits dense or
/// low-dimensional features (bits ≤ 10). Written here because a rank-one update of an explicit inverse on reused
/// buffers is a few lines and MathNet's matrices would allocate per update.</remarks>
public sealed class OnlineLeastSquares : IOnlineRegressor
{
    private readonly double _lambda;
    private readonly double[] _p;     // D × D, row-major, the inverse of λI + Σ w x xᵀ
    private readonly double[] _theta; // D
    private readonly double[] _x;     // dense scratch of the current example
    private readonly double[] _u;     // P x
    private readonly List<int> _touched = [];
    private readonly bool[] _isTouched;

    /// <summary>Creates the regressor.</summary>
    /// <param name="bits">Dimension bits (D = 2^bits), 1–10.</param>
    /// <param name="lambda">Ridge regularization λ &gt; 0.</param>
    public OnlineLeastSquares(int bits, double lambda = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 10);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        Bits = bits;
        _lambda = lambda;
        int d = 1 << bits;
        _p = new double[d * d];
        _theta = new double[d];
        _x = new double[d];
        _u = new double[d];
        _isTouched = new bool[d];
        for (int i = 0; i < d; i++)
        {
            _p[(i * d) + i] = 1.0 / lambda;
        }
    }

    /// <inheritdoc />
    public int Bits { get; }

    /// <summary>The current coefficients θ.</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <inheritdoc />
    public float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        double s = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            s += _theta[indices[k]] * values[k];
        }

        return (float)s;
    }

    /// <inheritdoc />
    public void Learn(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float label, float weight = 1f)
    {
        if (!(weight > 0))
        {
            return;
        }

        int d = _theta.Length;
        foreach (int i in _touched)
        {
            _x[i] = 0;
            _isTouched[i] = false;
        }

        _touched.Clear();
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            if (!_isTouched[i])
            {
                _isTouched[i] = true;
                _touched.Add(i);
            }

            _x[i] += values[k];
        }

        // u = P x (x is sparse), q = xᵀ P x, residual = y − xᵀθ.
        double q = 0, prediction = 0;
        for (int i = 0; i < d; i++)
        {
            double s = 0;
            int row = i * d;
            foreach (int j in _touched)
            {
                s += _p[row + j] * _x[j];
            }

            _u[i] = s;
        }

        foreach (int j in _touched)
        {
            q += _x[j] * _u[j];
            prediction += _theta[j] * _x[j];
        }

        double denominator = (1.0 / weight) + q;
        double residual = label - prediction;
        for (int i = 0; i < d; i++)
        {
            double ki = _u[i] / denominator;
            _theta[i] += ki * residual;
            int row = i * d;
            for (int j = 0; j < d; j++)
            {
                _p[row + j] -= ki * _u[j];
            }
        }
    }

    /// <inheritdoc />
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Bits);
        writer.Write(_lambda);
        foreach (double v in _p)
        {
            writer.Write(v);
        }

        foreach (double v in _theta)
        {
            writer.Write(v);
        }
    }

    /// <summary>Reads a state written by <see cref="WriteTo"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The regressor, exactly as saved.</returns>
    /// <exception cref="InvalidDataException">The data is not a valid state.</exception>
    public static OnlineLeastSquares ReadFrom(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int bits = reader.ReadInt32();
        double lambda = reader.ReadDouble();
        if (bits is < 1 or > 10 || !(lambda > 0))
        {
            throw new InvalidDataException($"invalid least-squares header (bits {bits}, λ {lambda})");
        }

        var ols = new OnlineLeastSquares(bits, lambda);
        for (int i = 0; i < ols._p.Length; i++)
        {
            ols._p[i] = reader.ReadDouble();
        }

        for (int i = 0; i < ols._theta.Length; i++)
        {
            ols._theta[i] = reader.ReadDouble();
        }

        return ols;
    }
}
