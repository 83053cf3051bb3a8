using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>The number of switches: rounds t ≥ 2 with Iₜ ≠ Iₜ₋₁ (the cost driver of bandits with switching costs,
/// Dekel, Ding, Koren and Peres, "Bandits with switching costs: T^{2/3} regret", STOC 2014).</summary>
public sealed class SwitchesMeter : BanditMeter
{
    private int _last = -1;
    private double _switches;

    /// <inheritdoc />
    public override string Name => "switches";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Statistic;

    /// <inheritdoc />
    public override double Value => _switches;

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle)
    {
        _last = -1;
        _switches = 0;
    }

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward)
    {
        if (_last >= 0 && arm != _last)
        {
            _switches++;
        }

        _last = arm;
    }
}
