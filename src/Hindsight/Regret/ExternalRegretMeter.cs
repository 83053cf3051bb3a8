using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>
/// External regret: the learner against the best fixed arm in hindsight on the realized rewards,
/// Rₜ = maxₐ Σₛ≤ₜ Xₛ,ₐ − Σₛ≤ₜ Xₛ,Iₛ. It reads every arm's realized reward each round (the oracle view).
/// </summary>
/// <remarks>Auer, Cesa-Bianchi, Freund and Schapire, "The nonstochastic multiarmed bandit problem", SIAM J.
/// Computing 2002 (regret against the best action); the quantity EXP3-type bounds control. It can be negative, and
/// in stochastic environments it exceeds the pseudo-regret by the noise term E[maxₐ Σ Xₛ,ₐ] − maxₐ Σ μₛ,ₐ.</remarks>
public sealed class ExternalRegretMeter : BanditMeter
{
    private IBanditOracle? _oracle;
    private double[] _cumulativeRewards = [];
    private double _learner;

    /// <inheritdoc />
    public override string Name => "external";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Regret;

    /// <inheritdoc />
    public override double Value
    {
        get
        {
            double best = double.NegativeInfinity;
            foreach (double s in _cumulativeRewards)
            {
                best = Math.Max(best, s);
            }

            return best - _learner;
        }
    }

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle)
    {
        _oracle = oracle;
        if (_cumulativeRewards.Length == oracle.Arms)
        {
            Array.Clear(_cumulativeRewards);
        }
        else
        {
            _cumulativeRewards = new double[oracle.Arms];
        }
        _learner = 0;
    }

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward)
    {
        IBanditOracle oracle = _oracle!;
        double[] sums = _cumulativeRewards;
        for (int a = 0; a < sums.Length; a++)
        {
            sums[a] += oracle.Reward(round, a);
        }

        _learner += reward;
    }
}
