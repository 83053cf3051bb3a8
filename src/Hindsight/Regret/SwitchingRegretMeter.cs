using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>
/// Regret with switching costs: the pseudo-regret plus λ per switch,
/// R^sw_T = maxₐ Σₜ μₜ,ₐ − Σₜ μₜ,Iₜ + λ·Σₜ≥₂ 1[Iₜ ≠ Iₜ₋₁] — the quantity whose minimax rate is Θ(T^{2/3}) under bandit
/// feedback and Θ(√T) under full information (Dekel, Ding, Koren and Peres, STOC 2014; Cheng, Zhou and Ji, ICML 2023).
/// </summary>
public sealed class SwitchingRegretMeter : BanditMeter
{
    private readonly PseudoRegretMeter _regret = new();
    private readonly SwitchesMeter _switches = new();

    /// <summary>Creates the meter.</summary>
    /// <param name="cost">The cost λ ≥ 0 of one switch.</param>
    public SwitchingRegretMeter(double cost = 1.0)
    {
        if (!(cost >= 0) || !double.IsFinite(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), $"The switching cost must be a finite number ≥ 0, got {cost}.");
        }

        Cost = cost;
    }

    /// <summary>λ, the cost of one switch.</summary>
    public double Cost { get; }

    /// <inheritdoc />
    public override string Name => "switching";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Regret;

    /// <inheritdoc />
    public override double Value => _regret.Value + (Cost * _switches.Value);

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle)
    {
        _regret.Start(oracle);
        _switches.Start(oracle);
    }

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward)
    {
        _regret.Observe(round, arm, reward);
        _switches.Observe(round, arm, reward);
    }
}
