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
        double h = 0, min = double.PositiveInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            double loss = 1 - rewards[i];
            h += p[i] * loss;
            if (p[i] > 0)
            {
                min = Math.Min(min, loss);
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
            double sum = 0;
            for (int i = 0; i < p.Length; i++)
            {
                sum += p[i] * Math.Exp(-_eta * ((1 - rewards[i]) - min));
            }

            m = min - (Math.Log(sum) / _eta);
        }

        _gap += Math.Max(0, h - m); // δ ≥ 0 in exact arithmetic
    }
}
