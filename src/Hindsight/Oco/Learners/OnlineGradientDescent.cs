using System.Numerics.Tensors;

namespace Hindsight.Oco.Learners;

/// <summary>
/// Projected online gradient descent (Zinkevich, "Online convex programming and generalized infinitesimal gradient
/// ascent", ICML 2003): xₜ₊₁ = Π_K(xₜ − ηₜ gₜ) with ηₜ = D / (G √t), or ηₜ = 1/(λt) for λ-strongly convex losses.
/// </summary>
/// <remarks>Regret ≤ (3/2) G D √T for convex losses with ‖∇f‖ ≤ G on a domain of diameter D, and
/// ≤ G²/(2λ)·(1 + ln T) for λ-strongly convex ones (Hazan, "Introduction to Online Convex Optimization", Theorems 3.1
/// and 3.3).</remarks>
public sealed class OnlineGradientDescent : IOcoLearner
{
    private readonly IConvexDomain _domain;
    private readonly double _gradientBound;
    private readonly double _strongConvexity;
    private readonly double[] _x;
    private long _round;

    /// <summary>Creates the learner.</summary>
    /// <param name="domain">The domain K.</param>
    /// <param name="gradientBound">G &gt; 0, a bound on the gradients' norm.</param>
    /// <param name="strongConvexity">λ ≥ 0: when positive, the losses are λ-strongly convex and ηₜ = 1/(λt).</param>
    public OnlineGradientDescent(IConvexDomain domain, double gradientBound = 1, double strongConvexity = 0)
    {
        if (!(strongConvexity >= 0) || double.IsInfinity(strongConvexity))
        {
            throw new ArgumentOutOfRangeException(nameof(strongConvexity), "λ must be a finite number ≥ 0.");
        }

        ArgumentNullException.ThrowIfNull(domain);
        if (!(gradientBound > 0) || double.IsInfinity(gradientBound))
        {
            throw new ArgumentOutOfRangeException(nameof(gradientBound), "G must be a positive finite number.");
        }

        _domain = domain;
        _gradientBound = gradientBound;
        _strongConvexity = strongConvexity;
        _x = new double[domain.Dimension];
        Reset(0);
    }

    /// <inheritdoc />
    public int Dimension => _x.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_x);
        _domain.Project(_x);
        _round = 0;
    }

    /// <inheritdoc />
    public void Predict(Span<double> x) => _x.CopyTo(x);

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> gradient)
    {
        _round++;
        double eta = _strongConvexity > 0 ? 1 / (_strongConvexity * _round) : _domain.Diameter / (_gradientBound * Math.Sqrt(_round));
        TensorPrimitives.MultiplyAdd(gradient, -eta, _x, _x);
        _domain.Project(_x);
    }
}
