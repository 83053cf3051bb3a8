namespace Hindsight.Bandits.Policies;

/// <summary>
/// MOSS (Audibert and Bubeck, "Minimax policies for adversarial and stochastic bandits", COLT 2009):
/// index μ̂ᵢ + √(max(0, ln(H / (K nᵢ))) / nᵢ) with H the horizon; with no horizon given, H = t
/// (the anytime variant, Degenne and Perchet, "Anytime optimal algorithms in stochastic multi-armed bandits", ICML 2016).
/// </summary>
/// <remarks>Minimax-optimal pseudo-regret O(√(KT)) for rewards in [0, 1].</remarks>
public struct MossRule : IIndexRule
{
    private readonly long _horizon;
    private double _scale;

    /// <summary>Creates the rule.</summary>
    /// <param name="horizon">The known horizon T, or 0 for the anytime variant.</param>
    public MossRule(long horizon) => _horizon = horizon;

    /// <inheritdoc />
    public void BeginRound(long round, int arms) => _scale = (_horizon > 0 ? _horizon : round) / (double)arms;

    /// <inheritdoc />
    public readonly double Index(in ArmStats arm)
        => arm.Mean + Math.Sqrt(Math.Max(0.0, Math.Log(_scale * arm.InversePulls)) * arm.InversePulls);
}
