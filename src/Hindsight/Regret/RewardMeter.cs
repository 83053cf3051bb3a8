using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>The learner's cumulative realized reward Σₛ≤ₜ Xₛ,Iₛ.</summary>
public sealed class RewardMeter : BanditMeter
{
    private double _total;

    /// <inheritdoc />
    public override string Name => "reward";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Statistic;

    /// <inheritdoc />
    public override double Value => _total;

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle) => _total = 0;

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward) => _total += reward;
}
