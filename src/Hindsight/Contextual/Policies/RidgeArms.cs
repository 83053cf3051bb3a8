namespace Hindsight.Contextual.Policies;

/// <summary>
/// Per-arm ridge regression kept online: for each arm a, A⁻¹ₐ = (λI + Σ x xᵀ)⁻¹ updated by Sherman–Morrison in O(d²)
/// and bₐ = Σ r x, so θ̂ₐ = A⁻¹ₐ bₐ. Shared by LinUCB, linear Thompson sampling and linear ε-greedy.
/// </summary>
/// <remarks>Written here rather than with MathNet matrices: d is small, the update must not allocate, and a rank-one
/// update of an explicit inverse is a few lines.</remarks>
internal sealed class RidgeArms
{
    private readonly double _lambda;
    private double[] _inverse = [];
    private double[] _b = [];
    private double[] _theta = [];
    private double[] _scratch = [];

    public RidgeArms(int arms, double lambda)
    {
        Arms = arms;
        _lambda = lambda;
    }

    public int Arms { get; }

    public int Dimension { get; private set; }

    /// <summary>Forgets all data (keeping the buffers: a reset allocates nothing).</summary>
    public void Reset()
    {
        if (Dimension > 0)
        {
            Initialize();
        }
    }

    /// <summary>Sizes the state for a dimension (at the first context) and sets A⁻¹ = I/λ, b = 0.</summary>
    public void Ensure(int dimension)
    {
        if (Dimension == dimension)
        {
            return;
        }

        Dimension = dimension;
        int d2 = dimension * dimension;
        _inverse = new double[Arms * d2];
        _b = new double[Arms * dimension];
        _theta = new double[Arms * dimension];
        _scratch = new double[dimension];
        Initialize();
    }

    private void Initialize()
    {
        int dimension = Dimension, d2 = dimension * dimension;
        Array.Clear(_inverse);
        Array.Clear(_b);
        Array.Clear(_theta);
        for (int a = 0; a < Arms; a++)
        {
            for (int i = 0; i < dimension; i++)
            {
                _inverse[(a * d2) + (i * dimension) + i] = 1.0 / _lambda;
            }
        }
    }

    /// <summary>θ̂ₐ·x.</summary>
    public double Mean(int arm, ReadOnlySpan<double> x)
    {
        ReadOnlySpan<double> theta = _theta.AsSpan(arm * Dimension, Dimension);
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += theta[i] * x[i];
        }

        return s;
    }

    /// <summary>xᵀ A⁻¹ₐ x (the squared confidence width), using the symmetry of A⁻¹ (half the products).</summary>
    public double Width(int arm, ReadOnlySpan<double> x)
    {
        int d = Dimension;
        ReadOnlySpan<double> inv = _inverse.AsSpan(arm * d * d, d * d);
        double diagonal = 0, off = 0;
        for (int i = 0; i < d; i++)
        {
            ReadOnlySpan<double> r = inv.Slice(i * d, d);
            double xi = x[i];
            diagonal += xi * xi * r[i];
            double row = 0;
            for (int j = i + 1; j < d; j++)
            {
                row += r[j] * x[j];
            }

            off += xi * row;
        }

        return Math.Max(0, diagonal + (2 * off));
    }

    /// <summary>The inverse matrix of an arm (row-major d × d).</summary>
    public ReadOnlySpan<double> Inverse(int arm) => _inverse.AsSpan(arm * Dimension * Dimension, Dimension * Dimension);

    /// <summary>The estimate θ̂ₐ.</summary>
    public ReadOnlySpan<double> Theta(int arm) => _theta.AsSpan(arm * Dimension, Dimension);

    /// <summary>Adds (x, r) to an arm: A⁻¹ ← A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x), b += r x, θ̂ = A⁻¹ b.</summary>
    public void Add(int arm, ReadOnlySpan<double> x, double reward)
    {
        int d = Dimension;
        Span<double> inv = _inverse.AsSpan(arm * d * d, d * d);
        Span<double> u = _scratch;
        double denominator = 1;
        for (int i = 0; i < d; i++)
        {
            double s = 0;
            ReadOnlySpan<double> r = inv.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                s += r[j] * x[j];
            }

            u[i] = s; // A⁻¹ is symmetric, so this is also xᵀA⁻¹
            denominator += x[i] * s;
        }

        for (int i = 0; i < d; i++)
        {
            double ui = u[i] / denominator;
            Span<double> r = inv.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                r[j] -= ui * u[j];
            }
        }

        Span<double> b = _b.AsSpan(arm * d, d);
        for (int i = 0; i < d; i++)
        {
            b[i] += reward * x[i];
        }

        Span<double> theta = _theta.AsSpan(arm * d, d);
        for (int i = 0; i < d; i++)
        {
            double s = 0;
            ReadOnlySpan<double> r = inv.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                s += r[j] * b[j];
            }

            theta[i] = s;
        }
    }
}
