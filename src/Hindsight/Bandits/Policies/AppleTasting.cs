using System.Numerics.Tensors;
using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Exponential weights for one-sided (apple-tasting) feedback: the silent arm (apple tasting's "reject") reveals
/// nothing, and any other arm ("taste") reveals the rewards of every arm that round — a revealing action in the sense of
/// partial monitoring. pₜ = (1 − γ)·qₜ + γ·(uniform over the revealing arms), qₜ ∝ exp(−η L̂); after a revealing round
/// every arm's loss enters as ℓₜ,ᵢ / Pₜ(reveal), Pₜ(reveal) = 1 − pₜ(silent) ≥ γ, an unbiased estimate.
/// </summary>
/// <remarks>
/// Tuned to the horizon: γ = min(½, (K ln K / T)^(1/3)), η = √(2γ ln K / T); regret O(T^(2/3) (K ln K)^(1/3)), the
/// minimax order when information comes only from a revealing action (label-efficient prediction: Cesa-Bianchi, Lugosi
/// and Stoltz, "Minimizing regret with label efficient prediction", IEEE Trans. Inf. Theory 2005; apple tasting:
/// Helmbold, Littlestone and Long 2000). The learner looks at the other arms through the runner's observation channel
/// only in revealing rounds (K − 1 looks; its own reward comes with bandit feedback) — never after the silent arm.
/// </remarks>
public sealed class AppleTasting : IBudgetedFeedbackPolicy, IHorizonAware
{
    private readonly double[] _lossEstimates;
    private readonly double[] _p;
    private readonly SeededRandom _rng = new(0);
    private double _gamma;
    private double _eta;
    private long _horizon;
    private int _arm;
    private double _reveal;
    private double _ownReward;

    /// <summary>Creates the learner (tuned to <see cref="BudgetedFeedback.DefaultHorizon"/> until prepared).</summary>
    /// <param name="arms">K ≥ 1 (with one arm there is nothing to learn).</param>
    /// <param name="silent">The arm that reveals nothing.</param>
    public AppleTasting(int arms, int silent = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(silent);
        if (silent >= arms)
        {
            throw new ArgumentOutOfRangeException(nameof(silent), $"the silent arm {silent} does not exist: arms are 0..{arms - 1}");
        }

        _lossEstimates = new double[arms];
        _p = new double[arms];
        Silent = silent;
        Prepare(BudgetedFeedback.DefaultHorizon);
    }

    /// <inheritdoc />
    public int Arms => _p.Length;

    /// <summary>The silent arm.</summary>
    public int Silent { get; }

    /// <summary>The exploration rate γ for the prepared horizon.</summary>
    public double Gamma => _gamma;

    /// <inheritdoc />
    public long ObservationBudget => _horizon * (Arms - 1);

    /// <inheritdoc />
    public void Prepare(long horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        _horizon = horizon;
        double logK = Math.Log(Arms);
        _gamma = Arms == 1 ? 0 : Math.Min(0.5, Math.Cbrt(Arms * logK / horizon));
        _eta = Math.Sqrt(2 * _gamma * logK / horizon);
    }

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_lossEstimates);
        _rng.Reseed(seed);
        _arm = -1;
    }

    /// <summary>The distribution pₜ the next <see cref="Choose"/> samples from.</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>pₜ(arm).</returns>
    public double Probability(int arm)
    {
        Distribution();
        return _p[arm];
    }

    /// <inheritdoc />
    public int Choose()
    {
        Distribution();
        _reveal = 1 - _p[Silent];
        double u = _rng.NextDouble(), acc = 0;
        _arm = Arms - 1;
        for (int a = 0; a < Arms; a++)
        {
            acc += _p[a];
            if (u < acc)
            {
                _arm = a;
                break;
            }
        }

        return _arm;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward) => _ownReward = Math.Clamp(reward, 0, 1);

    /// <inheritdoc />
    public void Observe(ObservationChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (_arm == Silent || Arms == 1)
        {
            return; // the silent arm reveals nothing
        }

        for (int a = 0; a < Arms; a++)
        {
            double reward = a == _arm ? _ownReward : Math.Clamp(channel.Observe(a), 0, 1); // rewards clipped to [0, 1]
            _lossEstimates[a] += (1 - reward) / _reveal;
        }
    }

    private void Distribution()
    {
        if (Arms == 1)
        {
            _p[0] = 1;
            return;
        }

        double total = LossWeights.Unnormalized(_lossEstimates, _eta, _p);
        double share = _gamma / (Arms - 1);
        for (int a = 0; a < Arms; a++)
        {
            _p[a] = ((1 - _gamma) * _p[a] / total) + (a == Silent ? 0 : share);
        }
    }
}
