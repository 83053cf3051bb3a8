using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>
/// Dynamic regret: the learner against the per-round best mean, R̄ᵈʸⁿₜ = Σₛ≤ₜ (maxₐ μₛ,ₐ − μₛ,Iₛ). Equals the
/// pseudo-regret when the means are stationary; the measure for switching and drifting environments.
/// </summary>
/// <remarks>Besbes, Gur and Zeevi, "Stochastic multi-armed-bandit problem with non-stationary rewards", NeurIPS
/// 2014; Garivier and Moulines, ALT 2011 (regret against the best arm of each round).</remarks>
public sealed class DynamicRegretMeter : BanditMeter
{
    private IBanditOracle? _oracle;
    private double _value;

    /// <inheritdoc />
    public override string Name => "dynamic";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Regret;

    /// <inheritdoc />
    public override double Value => _value;

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle)
    {
        _oracle = oracle;
        _value = 0;
    }

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward)
        => _value += _oracle!.BestMean(round) - _oracle.Mean(round, arm);
}
