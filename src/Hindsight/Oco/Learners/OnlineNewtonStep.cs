using System.Numerics.Tensors;

namespace Hindsight.Oco.Learners;

/// <summary>
/// Online Newton step (Hazan, Agarwal and Kale, "Logarithmic regret algorithms for online convex optimization",
/// Machine Learning 2007): Aₜ = εI + Σₛ≤ₜ gₛgₛᵀ, yₜ₊₁ = xₜ − (1/γ) Aₜ⁻¹ gₜ, xₜ₊₁ = Π^{Aₜ}_K(yₜ₊₁) — the projection in
/// the norm ‖v‖²_A = vᵀAv — with γ = ½ min(1/(4GD), α) and ε = 1/(γ²D²).
/// </summary>
/// <remarks>Regret ≤ 5(1/α + GD)·d·ln T for α-exp-concave losses with ‖∇f‖ ≤ G on a domain of diameter D (Hazan,
/// "Introduction to Online Convex Optimization", Theorem 4.5). A λ-strongly convex loss is λ/G²-exp-concave, so for
/// fₜ(x) = ½‖x − zₜ‖², α = 1/G². Aₜ⁻¹ is kept by Sherman–Morrison (O(d²) per round); the A-norm projection, needed
/// only when yₜ₊₁ leaves K, is computed by accelerated projected gradient (FISTA) on ½(x − y)ᵀA(x − y) with Euclidean
/// projections — no package offers a projection in a matrix norm onto these sets, hence written here. Nothing is
/// allocated per round.</remarks>
public sealed class OnlineNewtonStep : IOcoLearner
{
    /// <summary>The largest dimension: Aₜ and Aₜ⁻¹ take 2d² doubles (64 MB at d = 2048) and O(d²) work a round.</summary>
    public const int MaxDimension = 2048;

    private const int MaxProjectionSteps = 2000;

    private readonly IConvexDomain _domain;
    private readonly double _gamma;
    private readonly double _epsilon;
    private readonly double[] _a;
    private readonly double[] _inverse;
    private readonly double[] _x, _y, _v, _w, _prev, _grad;

    /// <summary>Creates the learner.</summary>
    /// <param name="domain">The domain K.</param>
    /// <param name="gradientBound">G &gt; 0.</param>
    /// <param name="alpha">The losses' exp-concavity α &gt; 0.</param>
    public OnlineNewtonStep(IConvexDomain domain, double gradientBound, double alpha)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (!(gradientBound > 0) || !double.IsFinite(gradientBound))
        {
            throw new ArgumentOutOfRangeException(nameof(gradientBound), "G must be a positive finite number.");
        }

        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "α must be a positive finite number.");
        }

        if (domain.Dimension > MaxDimension)
        {
            throw new ArgumentException($"online Newton step keeps a d×d matrix: d must be ≤ {MaxDimension}, got {domain.Dimension}", nameof(domain));
        }

        _domain = domain;
        double d = domain.Diameter;
        _gamma = 0.5 * Math.Min(1 / (4 * gradientBound * d), alpha);
        _epsilon = 1 / (_gamma * _gamma * d * d);
        int n = domain.Dimension;
        _a = new double[n * n];
        _inverse = new double[n * n];
        _x = new double[n];
        _y = new double[n];
        _v = new double[n];
        _w = new double[n];
        _prev = new double[n];
        _grad = new double[n];
        Reset(0);
    }

    /// <inheritdoc />
    public int Dimension => _x.Length;

    /// <summary>γ.</summary>
    public double Gamma => _gamma;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        int n = _x.Length;
        Array.Clear(_a);
        Array.Clear(_inverse);
        for (int i = 0; i < n; i++)
        {
            _a[(i * n) + i] = _epsilon;
            _inverse[(i * n) + i] = 1 / _epsilon;
        }

        Array.Clear(_x);
        _domain.Project(_x);
    }

    /// <inheritdoc />
    public void Predict(Span<double> x) => _x.CopyTo(x);

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> gradient)
    {
        int n = _x.Length;

        // A ← A + ggᵀ; A⁻¹ ← A⁻¹ − (A⁻¹g)(A⁻¹g)ᵀ / (1 + gᵀA⁻¹g) (A⁻¹ is symmetric).
        for (int i = 0; i < n; i++)
        {
            _v[i] = TensorPrimitives.Dot(_inverse.AsSpan(i * n, n), gradient);
            TensorPrimitives.MultiplyAdd(gradient, gradient[i], _a.AsSpan(i * n, n), _a.AsSpan(i * n, n));
        }

        double denominator = 1 + TensorPrimitives.Dot(gradient, _v);
        for (int i = 0; i < n; i++)
        {
            TensorPrimitives.MultiplyAdd(_v, -_v[i] / denominator, _inverse.AsSpan(i * n, n), _inverse.AsSpan(i * n, n));
        }

        // y = x − (1/γ) A⁻¹ g  (A⁻¹g after the update).
        for (int i = 0; i < n; i++)
        {
            _y[i] = _x[i] - (TensorPrimitives.Dot(_inverse.AsSpan(i * n, n), gradient) / _gamma);
        }

        ProjectInNorm();
    }

    /// <summary>x ← argmin_{x ∈ K} ½(x − y)ᵀA(x − y).</summary>
    private void ProjectInNorm()
    {
        int n = _x.Length;
        _y.CopyTo(_x);
        _domain.Project(_x);
        bool inside = true;
        for (int i = 0; i < n && inside; i++)
        {
            inside = _x[i] == _y[i];
        }

        if (inside)
        {
            return;
        }

        double lipschitz = LargestEigenvalue();
        double step = 1 / lipschitz;
        _x.CopyTo(_w); // FISTA: w is the extrapolated point, x the iterate
        _x.CopyTo(_prev);
        double momentum = 1;
        for (int k = 0; k < MaxProjectionSteps; k++)
        {
            // grad = A (w − y); x = Π_K(w − grad/L)
            TensorPrimitives.Subtract(_w, _y, _v);
            for (int i = 0; i < n; i++)
            {
                _grad[i] = TensorPrimitives.Dot(_a.AsSpan(i * n, n), _v);
            }

            _x.CopyTo(_prev);
            TensorPrimitives.MultiplyAdd(_grad, -step, _w, _x);
            _domain.Project(_x);
            double next = (1 + Math.Sqrt(1 + (4 * momentum * momentum))) / 2;
            double beta = (momentum - 1) / next;
            momentum = next;
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                double delta = _x[i] - _prev[i];
                _w[i] = _x[i] + (beta * delta);
                change = Math.Max(change, Math.Abs(delta));
            }

            if (change <= 1e-12 * (1 + _domain.Diameter))
            {
                break;
            }
        }
    }

    /// <summary>An upper bound on λmax(A): the largest absolute row sum (Gershgorin), so the FISTA step 1/L is safe.</summary>
    private double LargestEigenvalue()
    {
        int n = _x.Length;
        double bound = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++)
            {
                row += Math.Abs(_a[(i * n) + j]);
            }

            bound = Math.Max(bound, row);
        }

        return bound;
    }
}
