using Hindsight.Oco.Domains;

namespace Hindsight.Oco.Learners;

/// <summary>
/// Diagonal AdaGrad (Duchi, Hazan and Singer, "Adaptive subgradient methods for online learning and stochastic
/// optimization", JMLR 2011; McMahan and Streeter, COLT 2010): xₜ₊₁,ᵢ = Π(xₜ,ᵢ − η gₜ,ᵢ / √(Σₛ≤ₜ g²ₛ,ᵢ)) with
/// η = D∞/√2, on a box — where the coordinate-wise clamp is exactly the projection in AdaGrad's diagonal norm.
/// </summary>
/// <remarks>Regret ≤ √2 D∞ Σᵢ √(Σₜ g²ₜ,ᵢ) (Duchi et al., Corollary 6 with the box's ℓ∞ diameter D∞): much smaller
/// than OGD's D G √T when gradients are sparse or coordinates differ in scale.</remarks>
public sealed class AdaGrad : IOcoLearner
{
    private readonly Box _box;
    private readonly double[] _x;
    private readonly double[] _squares;
    private readonly double _eta;

    /// <summary>Creates the learner.</summary>
    /// <param name="box">The domain (a box: AdaGrad's diagonal-norm projection is exact only there).</param>
    public AdaGrad(Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        _box = box;
        _x = new double[box.Dimension];
        _squares = new double[box.Dimension];
        _eta = (box.High - box.Low) / Math.Sqrt(2);
        Reset(0);
    }

    /// <inheritdoc />
    public int Dimension => _x.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_x);
        _box.Project(_x);
        Array.Clear(_squares);
    }

    /// <inheritdoc />
    public void Predict(Span<double> x) => _x.CopyTo(x);

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> gradient)
    {
        for (int i = 0; i < _x.Length; i++)
        {
            double g = gradient[i];
            _squares[i] += g * g;
            if (_squares[i] > 0)
            {
                _x[i] = Math.Clamp(_x[i] - (_eta * g / Math.Sqrt(_squares[i])), _box.Low, _box.High);
            }
        }
    }
}
