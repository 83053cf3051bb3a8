using System.Numerics.Tensors;

namespace Hindsight.Oco.Learners;

/// <summary>
/// Optimistic online mirror descent with the Euclidean mirror map and the last gradient as hint (Chiang, Yang, Lee,
/// Mahdavi, Lu, Jin and Zhu, "Online optimization with gradual variations", COLT 2012; Rakhlin and Sridharan 2013), as
/// analysed for the stochastically extended adversarial (SEA) model by Chen, Zhang, Zhao and Zhou, "Optimistic online
/// mirror descent for bridging stochastic and adversarial online convex optimization", ICML 2023:
/// xₜ = Π_K(ŷₜ − ηₜ Mₜ), ŷₜ₊₁ = Π_K(ŷₜ − ηₜ gₜ), Mₜ₊₁ = gₜ, with ηₜ = D / √(1 + Σₛ&lt;ₜ ‖gₛ − Mₛ‖²).
/// </summary>
/// <remarks>Regret O(D √(1 + Σₜ ‖gₜ − gₜ₋₁‖²)); in the SEA model, for smooth losses, O(√(σ²₁:T + Σ²₁:T)) in
/// expectation — bounded when the losses neither vary nor are noisy.</remarks>
public sealed class OptimisticOnlineMirrorDescent : IOcoLearner
{
    private readonly IConvexDomain _domain;
    private readonly double[] _y;
    private readonly double[] _x;
    private readonly double[] _hint;
    private double _variation;

    /// <summary>Creates the learner.</summary>
    /// <param name="domain">The domain K.</param>
    public OptimisticOnlineMirrorDescent(IConvexDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        _domain = domain;
        _y = new double[domain.Dimension];
        _x = new double[domain.Dimension];
        _hint = new double[domain.Dimension];
        Reset(0);
    }

    /// <inheritdoc />
    public int Dimension => _y.Length;

    private double Eta => _domain.Diameter / Math.Sqrt(1 + _variation);

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_y);
        _domain.Project(_y);
        Array.Clear(_hint);
        _variation = 0;
    }

    /// <inheritdoc />
    public void Predict(Span<double> x)
    {
        TensorPrimitives.MultiplyAdd(_hint, -Eta, _y, _x);
        _domain.Project(_x);
        _x.CopyTo(x);
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> gradient)
    {
        double eta = Eta; // the rate this round's point was played with
        TensorPrimitives.MultiplyAdd(gradient, -eta, _y, _y);
        _domain.Project(_y);
        double distance = TensorPrimitives.Distance<double>(gradient, _hint);
        _variation += distance * distance;
        gradient.CopyTo(_hint);
    }
}
