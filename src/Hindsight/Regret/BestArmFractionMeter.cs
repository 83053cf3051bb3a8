using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>The fraction of rounds so far in which the pulled arm had the round's best mean: (1/t) Σₛ≤ₜ 1[μₛ,Iₛ = maxₐ μₛ,ₐ].</summary>
public sealed class BestArmFractionMeter : BanditMeter
{
    private IBanditOracle? _oracle;
    private long _hits;
    private long _rounds;

    /// <inheritdoc />
    public override string Name => "bestArmFraction";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Statistic;

    /// <inheritdoc />
    public override double Value => _rounds == 0 ? 0.0 : _hits / (double)_rounds;

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle)
    {
        _oracle = oracle;
        _hits = 0;
        _rounds = 0;
    }

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward)
    {
        _rounds++;
        if (_oracle!.Mean(round, arm) >= _oracle.BestMean(round))
        {
            _hits++;
        }
    }
}
