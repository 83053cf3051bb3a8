using System.Numerics.Tensors;

namespace Hindsight.Oco.Learners;

/// <summary>
/// Projected online gradient descent (Zinkevich, "Online convex programming and generalized infinitesimal gradient
/// ascent", ICML 2003): xₜ₊₁ = Π_K(xₜ − ηₜ gₜ) with ηₜ = D / (G √t).
/// </summary>
/// <remarks>Regret ≤ (3/2) G D √T for convex losses with ‖∇f‖ ≤ G on a domain of diameter D (Hazan, "Introduction to
/// Online Convex Optimization", Theorem 3.1).</remarks>
public sealed class OnlineGradientDescent : IOcoLearner
{
    private readonly IConvexDomain _domain;
    private readonly double _gradientBound;
    private readonly double[] _x;
    private long _round;

    /// <summary>Creates the learner.</summary>
    /// <param name="domain">The domain K.</param>
    /// <param name="gradientBound">G &gt; 0, a bound on the gradients' norm.</param>
    public OnlineGradientDescent(IConvexDomain domain, double gradientBound = 1)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (!(gradientBound > 0) || double.IsInfinity(gradientBound))
        {
            throw new ArgumentOutOfRangeException(nameof(gradientBound), "G must be a positive finite number.");
        }

        _domain = domain;
        _gradientBound = gradientBound;
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
        double eta = _domain.Diameter / (_gradientBound * Math.Sqrt(_round));
        TensorPrimitives.MultiplyAdd(gradient, -eta, _x, _x);
        _domain.Project(_x);
    }
}
