namespace Hindsight.Experts.Policies;

/// <summary>
/// Hedge with the anytime learning rate ηₜ = √(8 ln K / t) (no horizon needed): pₜ,ᵢ ∝ exp(−ηₜ Lₜ₋₁,ᵢ).
/// </summary>
/// <remarks>External regret ≤ 2√(t ln K / 2) + √(ln K / 8) at every t (Cesa-Bianchi and Lugosi, "Prediction, Learning,
/// and Games", 2006, Theorem 2.3).</remarks>
public sealed class AnytimeHedge(int experts) : ExponentialWeights(experts)
{
    private protected override double Eta() => Math.Sqrt(8 * LogK / (Round + 1));
}
