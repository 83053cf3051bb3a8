using Hindsight.Bandits;

namespace Hindsight.Regret;

/// <summary>
/// Pseudo-regret: the learner against the arm of best mean, in expectation over the rewards but on the learner's
/// realized choices: R̄ₜ = maxₐ Σₛ≤ₜ μₛ,ₐ − Σₛ≤ₜ μₛ,Iₛ. For stationary arms this is Σₛ (μ* − μ_Iₛ) = Σₐ Δₐ Nₐ(t).
/// </summary>
/// <remarks>Bubeck and Cesa-Bianchi, "Regret analysis of stochastic and nonstochastic multi-armed bandit problems",
/// Foundations and Trends in ML 2012, §1 (pseudo-regret R̄ₙ). Its expectation is the quantity bounded by UCB-type
/// analyses and by the Lai–Robbins lower bound.</remarks>
public sealed class PseudoRegretMeter : BanditMeter
{
    private IBanditOracle? _oracle;
    private double[] _cumulativeMeans = [];
    private double _learner;
    private double _best;
    private double _stationaryRegret;

    /// <inheritdoc />
    public override string Name => "pseudo";

    /// <inheritdoc />
    public override MeterKind Kind => MeterKind.Regret;

    /// <inheritdoc />
    public override double Value
    {
        get
        {
            if (_oracle is { IsStationary: true })
            {
                return _stationaryRegret;
            }

            double best = double.NegativeInfinity;
            foreach (double s in _cumulativeMeans)
            {
                best = Math.Max(best, s);
            }

            return _cumulativeMeans.Length == 0 ? 0.0 : best - _learner;
        }
    }

    /// <inheritdoc />
    public override void Start(IBanditOracle oracle)
    {
        _oracle = oracle;
        if (oracle.IsStationary)
        {
            _cumulativeMeans = [];
        }
        else if (_cumulativeMeans.Length == oracle.Arms)
        {
            Array.Clear(_cumulativeMeans); // a meter restarted on a run of the same size allocates nothing
        }
        else
        {
            _cumulativeMeans = new double[oracle.Arms];
        }
        _learner = 0;
        _stationaryRegret = 0;
        _best = oracle.BestMean(1);
    }

    /// <inheritdoc />
    public override void Observe(long round, int arm, double reward)
    {
        IBanditOracle oracle = _oracle!;
        if (oracle.IsStationary)
        {
            _stationaryRegret += _best - oracle.Mean(round, arm);
            return;
        }

        double[] sums = _cumulativeMeans;
        for (int a = 0; a < sums.Length; a++)
        {
            sums[a] += oracle.Mean(round, a);
        }

        _learner += oracle.Mean(round, arm);
    }
}
