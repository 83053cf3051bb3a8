using System.Numerics.Tensors;

namespace Hindsight.Oco.Learners;

/// <summary>
/// Follow the regularized leader on linearized losses, optionally optimistic (Shalev-Shwartz 2012; Hazan §5; optimistic:
/// Rakhlin and Sridharan 2013): xₜ = argmin_{x ∈ K} ⟨Gₜ₋₁ + Mₜ, x⟩ + R(x)/ηₜ, with Gₜ₋₁ = Σₛ&lt;ₜ gₛ, the hint Mₜ = gₜ₋₁
/// when optimistic (else 0), and the adaptive rate ηₜ = η₀ / √(1 + Σₛ&lt;ₜ ‖gₛ − Mₛ‖²).
/// </summary>
/// <remarks>Regret O(range(R)/η_T + Σₜ ηₜ ‖gₜ − Mₜ‖²*): O(√T) in general; with the optimistic hint both terms follow the
/// gradients' variation, so the regret stays bounded when the losses do not change.</remarks>
public sealed class FollowTheRegularizedLeader : IOcoLearner
{
    private readonly IRegularizer _regularizer;
    private readonly double _eta0;
    private readonly bool _optimistic;
    private readonly double[] _sum;
    private readonly double[] _last;
    private readonly double[] _z;
    private double _variation;

    /// <summary>Creates the learner.</summary>
    /// <param name="regularizer">R (and with it the domain).</param>
    /// <param name="eta0">η₀ &gt; 0 of ηₜ = η₀ / √(1 + Σ‖gₛ − Mₛ‖²).</param>
    /// <param name="optimistic">Add the last gradient as a hint.</param>
    public FollowTheRegularizedLeader(IRegularizer regularizer, double eta0 = 1, bool optimistic = false)
    {
        ArgumentNullException.ThrowIfNull(regularizer);
        if (!(eta0 > 0) || double.IsInfinity(eta0))
        {
            throw new ArgumentOutOfRangeException(nameof(eta0), "η₀ must be a positive finite number.");
        }

        _regularizer = regularizer;
        _eta0 = eta0;
        _optimistic = optimistic;
        int d = regularizer.Domain.Dimension;
        _sum = new double[d];
        _last = new double[d];
        _z = new double[d];
    }

    /// <inheritdoc />
    public int Dimension => _sum.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_sum);
        Array.Clear(_last);
        _variation = 0;
    }

    /// <inheritdoc />
    public void Predict(Span<double> x)
    {
        if (_optimistic)
        {
            TensorPrimitives.Add(_sum, _last, _z);
        }
        else
        {
            _sum.CopyTo(_z, 0);
        }

        _regularizer.Leader(_z, _eta0 / Math.Sqrt(1 + _variation), x);
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> gradient)
    {
        TensorPrimitives.Add(_sum, gradient, _sum);
        double miss = _optimistic ? TensorPrimitives.Distance<double>(gradient, _last) : TensorPrimitives.Norm(gradient);
        _variation += miss * miss;
        gradient.CopyTo(_last);
    }
}
