using System.Numerics.Tensors;

namespace Hindsight.Experts.Policies;

/// <summary>
/// AdaHedge (de Rooij, van Erven, Grünwald and Koolen, "Follow the leader if you can, hedge if you must", JMLR 2014):
/// Hedge with ηₜ = ln K / Δₜ₋₁, where Δ is the cumulative mixability gap δₜ = hₜ − mₜ, hₜ = ⟨pₜ, ℓₜ⟩ and
/// mₜ = −(1/ηₜ) ln Σᵢ pₜ,ᵢ e^(−ηₜ ℓₜ,ᵢ) (with Δ = 0, η = ∞: follow the leaders).
/// </summary>
/// <remarks>Regret ≤ 2√(L* (T − L*) / T · ln K) + (16/3) ln K + 2 without knowing T or L* (Theorem 6 there): as good as
/// follow-the-leader when one expert dominates, as good as tuned Hedge otherwise.</remarks>
public sealed class AdaHedge(int experts) : ExponentialWeights(experts)
{
    private readonly double[] _losses = new double[experts];
    private double _gap;
    private double _eta = double.PositiveInfinity;

    /// <inheritdoc />
    public override void Reset(ulong seed)
    {
        base.Reset(seed);
        _gap = 0;
    }

    private protected override double Eta() => _eta = _gap > 0 ? LogK / _gap : double.PositiveInfinity;

    private protected override void Learn(ReadOnlySpan<double> rewards)
    {
        ReadOnlySpan<double> p = Weights;
        Span<double> loss = _losses;
        TensorPrimitives.Subtract(1.0, rewards, loss);
        double h = TensorPrimitives.Dot(p, loss);
        double min = double.PositiveInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0 && loss[i] < min)
            {
                min = loss[i];
            }
        }

        double m;
        if (double.IsPositiveInfinity(_eta))
        {
            m = min;
        }
        else
        {
            // −(1/η) ln Σ pᵢ e^(−η ℓᵢ), shifted by the smallest loss in the support for stability.
            TensorPrimitives.Subtract(loss, min, loss);
            TensorPrimitives.Multiply(loss, -_eta, loss);
            TensorPrimitives.Max(loss, -700.0, loss);
            TensorPrimitives.Exp(loss, loss);
            m = min - (Math.Log(TensorPrimitives.Dot(p, loss)) / _eta);
        }

        _gap += Math.Max(0, h - m); // δ ≥ 0 in exact arithmetic
    }
}
