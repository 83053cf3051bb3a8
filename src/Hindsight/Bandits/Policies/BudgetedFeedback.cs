using System.Numerics.Tensors;
using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Online learning with switching costs under an observation budget, after the algorithmic framework of Cheng, Zhou and
/// Ji, "Understanding the Role of Feedback in Online Learning with Switching Costs" (ICML 2023): exponential weights over
/// loss estimates built from whichever feedback the budget buys, with the number of switches kept small.
/// <list type="bullet">
/// <item><b>Bandit feedback</b>: rounds are cut into N blocks of τ rounds, one arm per block drawn from
/// pₙ ∝ exp(−η L̂), and the block's average loss enters as the importance-weighted estimate ℓ̄/pₙ(A) (batched EXP3,
/// η = √(2 ln K/(N K))). With free bandit feedback τ = (2T/(K ln K))^(1/3); under a total budget B each block pays for
/// one look at its arm at a uniformly random round of the block, so N ≤ B.</item>
/// <item><b>Full-information observations</b>: R rounds, chosen uniformly without replacement (selection sampling,
/// Knuth's Algorithm S), observe every arm (K − 1 looks with free bandit feedback, K under a total budget), so
/// R = ⌊B_ex/(K − 1)⌋ or ⌊B/K⌋; every other round observes nothing. The estimate ℓ̂ₜ = ℓₜ/q at chosen rounds
/// (q = R/T) is unbiased and does not depend on the action, so the arm can be resampled lazily — kept with
/// probability exp(−η ℓ̂ₜ₋₁(A)), else drawn afresh from pₜ (shrinking dartboard, Geulen, Vöcking and Winkler, COLT
/// 2010) — which leaves Aₜ ~ pₜ exactly while the expected number of switches is at most ηT. With
/// η = √(2q ln K/T): regret ≤ T√(2 ln K/R) and switches ≤ √(2R ln K).</item>
/// <item><b>Auto</b> picks the feedback with the smaller of the two bounds (bandit when the budget buys no full round) — bandit: √(2TτK ln K) + T/τ; full:
/// T√(2 ln K/R) + √(2R ln K) — which reproduces the paper's phase transition: with B_ex extra observations the regret
/// stays Θ(T^(2/3)) until B_ex ≈ T^(2/3), then falls as T/√B_ex; bandit feedback cannot use a larger budget.</item>
/// </list>
/// </summary>
/// <remarks>The paper's full text was not available here (only its abstract and its minimax rates): the two feedback
/// modes, the selection of observation rounds and the lazy resampling are this implementation's reading of "a generic
/// framework that chooses the amount and type of feedback", built from the cited building blocks; each mode's bound is
/// the textbook one. Rewards are clipped to [0, 1] (losses 1 − r).</remarks>
public sealed class BudgetedFeedback : IBudgetedFeedbackPolicy, IHorizonAware
{
    private readonly double[] _lossEstimates;
    private readonly double[] _weights;
    private readonly double[] _lastEstimate;
    private readonly FeedbackType _requested;
    private readonly SeededRandom _rng = new(0);
    private long _horizon;
    private double _eta;
    private long _block = 1;
    private long _observationRounds;

    // Per-run state.
    private long _round;
    private int _arm = -1;
    private long _blockStart;
    private long _blockLength;
    private long _lookAt;
    private double _blockSum;
    private double _blockProbability;
    private long _picked;
    private bool _observeNow;
    private bool _pendingLazy;
    private bool _blockObserved;
    private double _playedReward;

    /// <summary>The horizon assumed until <see cref="Prepare"/> gives the real one.</summary>
    public const long DefaultHorizon = 10_000;

    /// <summary>Creates the learner, tuned to <see cref="DefaultHorizon"/> until <see cref="Prepare"/> gives the horizon.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="budget">The observation budget (B_ex or B) ≥ 0.</param>
    /// <param name="kind">What the budget counts.</param>
    /// <param name="feedback">Which feedback to buy (<see cref="FeedbackType.Auto"/> by default).</param>
    public BudgetedFeedback(int arms, long budget, ObservationBudgetKind kind = ObservationBudgetKind.Extra, FeedbackType feedback = FeedbackType.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        _lossEstimates = new double[arms];
        _weights = new double[arms];
        _lastEstimate = new double[arms];
        ObservationBudget = budget;
        Kind = kind;
        _requested = feedback;
        Prepare(DefaultHorizon);
    }

    /// <inheritdoc />
    public int Arms => _weights.Length;

    /// <inheritdoc />
    public long ObservationBudget { get; }

    /// <summary>What the budget counts.</summary>
    public ObservationBudgetKind Kind { get; }

    /// <summary>The feedback in use for the prepared horizon (never <see cref="FeedbackType.Auto"/> once prepared).</summary>
    public FeedbackType Feedback { get; private set; }

    /// <summary>The block length τ (bandit feedback; 1 with full-information observations).</summary>
    public long Block => _block;

    /// <summary>The number of rounds R that observe every arm (full-information observations; 0 otherwise).</summary>
    public long ObservationRounds => _observationRounds;

    /// <summary>The learning rate η for the prepared horizon.</summary>
    public double Eta => _eta;

    /// <summary>The bandit-feedback regret bound √(2TτK ln K) + T/τ for the block length this budget allows.</summary>
    /// <param name="horizon">T.</param>
    /// <param name="arms">K ≥ 2.</param>
    /// <param name="budget">The budget.</param>
    /// <param name="kind">What it counts.</param>
    /// <returns>The bound and the block length.</returns>
    public static (double Bound, long Block) BanditBound(long horizon, int arms, long budget, ObservationBudgetKind kind)
    {
        double logK = Math.Log(arms);
        double best = Math.Pow(2.0 * horizon / (arms * logK), 1.0 / 3.0);
        long block = Math.Clamp((long)Math.Round(best), 1, horizon);
        if (kind == ObservationBudgetKind.Total)
        {
            long blocks = Math.Min(budget, (horizon + block - 1) / block);
            if (blocks == 0)
            {
                return (horizon, horizon);
            }

            block = (horizon + blocks - 1) / blocks;
        }

        return (Math.Sqrt(2.0 * horizon * block * arms * logK) + ((double)horizon / block), block);
    }

    /// <summary>The full-information-observation regret bound T√(2 ln K/R) + √(2R ln K).</summary>
    /// <param name="horizon">T.</param>
    /// <param name="arms">K ≥ 2.</param>
    /// <param name="budget">The budget.</param>
    /// <param name="kind">What it counts.</param>
    /// <returns>The bound (T when no round can be observed) and R.</returns>
    public static (double Bound, long Rounds) FullBound(long horizon, int arms, long budget, ObservationBudgetKind kind)
    {
        long perRound = kind == ObservationBudgetKind.Extra ? arms - 1 : arms;
        long rounds = Math.Min(horizon, budget / perRound);
        if (rounds == 0)
        {
            return (horizon, 0);
        }

        double logK = Math.Log(arms);
        return ((horizon * Math.Sqrt(2.0 * logK / rounds)) + Math.Sqrt(2.0 * rounds * logK), rounds);
    }

    /// <inheritdoc />
    public void Prepare(long horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        _horizon = horizon;
        int k = Arms;
        if (k == 1)
        {
            Feedback = FeedbackType.Bandit;
            _block = horizon;
            _eta = 0;
            _observationRounds = 0;
            return;
        }

        (double banditBound, long block) = BanditBound(horizon, k, ObservationBudget, Kind);
        (double fullBound, long rounds) = FullBound(horizon, k, ObservationBudget, Kind);
        Feedback = _requested switch
        {
            FeedbackType.Bandit => FeedbackType.Bandit,
            FeedbackType.Full => FeedbackType.Full,
            _ => rounds > 0 && fullBound < banditBound ? FeedbackType.Full : FeedbackType.Bandit,
        };
        double logK = Math.Log(k);
        if (Feedback == FeedbackType.Bandit)
        {
            _block = block;
            _observationRounds = 0;
            long blocks = (horizon + block - 1) / block;
            _eta = Math.Sqrt(2.0 * logK / (blocks * (double)k));
        }
        else
        {
            _block = 1;
            _observationRounds = rounds;
            double q = rounds / (double)horizon;
            _eta = Math.Sqrt(2.0 * q * logK / horizon);
        }
    }

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_lossEstimates);
        Array.Clear(_lastEstimate);
        _rng.Reseed(seed);
        _round = 0;
        _arm = -1;
        _blockStart = 1;
        _blockLength = 0;
        _blockSum = 0;
        _picked = 0;
        _observeNow = false;
        _pendingLazy = false;
        _blockObserved = false;
        _playedReward = 0;
    }

    /// <inheritdoc />
    public int Choose()
    {
        _round++;
        return Feedback == FeedbackType.Bandit ? ChooseBandit() : ChooseFull();
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        if (Kind == ObservationBudgetKind.Total)
        {
            return; // not paid for: under a total budget every look goes through the channel
        }

        reward = Math.Clamp(reward, 0, 1); // losses 1 − r must lie in [0, 1]: the lazy draw needs weights that only shrink
        _playedReward = reward;
        if (Feedback == FeedbackType.Bandit)
        {
            _blockSum += reward;
            _blockObserved = true;
        }
    }

    /// <inheritdoc />
    public void Observe(ObservationChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (Feedback == FeedbackType.Bandit)
        {
            if (Kind == ObservationBudgetKind.Total && _round == _lookAt && channel.Remaining > 0)
            {
                _blockSum = Math.Clamp(channel.Observe(_arm), 0, 1) * _blockLength;
                _blockObserved = true;
            }

            return;
        }

        if (!_observeNow)
        {
            return;
        }

        double q = _observationRounds / (double)_horizon;
        for (int a = 0; a < _lossEstimates.Length; a++)
        {
            double reward = Kind == ObservationBudgetKind.Extra && a == _arm ? _playedReward : Math.Clamp(channel.Observe(a), 0, 1);
            double estimate = (1.0 - reward) / q;
            _lastEstimate[a] = estimate;
            _lossEstimates[a] += estimate;
        }

        _pendingLazy = true;
    }

    /// <summary>The probability the current distribution gives an arm (for tests).</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>pₜ(arm) ∝ exp(−η L̂ₜ₋₁(arm)).</returns>
    public double Probability(int arm)
    {
        double total = ComputeWeights();
        return _weights[arm] / total;
    }

    private int ChooseBandit()
    {
        if (_blockLength == 0 || _round >= _blockStart + _blockLength)
        {
            if (_blockLength > 0)
            {
                // The previous block is over: its average loss enters as an importance-weighted estimate (nothing
                // enters when a total budget left it unobserved).
                if (_blockObserved)
                {
                    _lossEstimates[_arm] += (1.0 - (_blockSum / _blockLength)) / _blockProbability;
                }

                _blockStart += _blockLength;
            }

            long left = _horizon - _blockStart + 1;
            _blockLength = left >= 1 ? Math.Min(_block, left) : _block; // past the horizon: whole blocks
            double total = ComputeWeights();
            _arm = Sampling.Draw(_weights, total, _rng);
            _blockProbability = _weights[_arm] / total;
            _blockSum = 0;
            _blockObserved = false;
            _lookAt = Kind == ObservationBudgetKind.Total ? _blockStart + (long)(_rng.NextDouble() * _blockLength) : 0;
        }

        return _arm;
    }

    private int ChooseFull()
    {
        // Selection sampling: round t is an observation round with probability (R − picked)/(T − t + 1), so exactly
        // R of the T rounds are chosen, each with marginal probability q = R/T, independently of the actions.
        long left = _horizon - _round + 1;
        _observeNow = left >= 1 && _picked < _observationRounds && _rng.NextDouble() * left < _observationRounds - _picked;
        if (_observeNow)
        {
            _picked++;
        }

        if (_arm < 0)
        {
            _arm = Sampling.Draw(_weights, ComputeWeights(), _rng);
        }
        else if (_pendingLazy)
        {
            // Shrinking dartboard: keep the arm with probability wₜ(A)/wₜ₋₁(A) = exp(−η ℓ̂ₜ₋₁(A)), else redraw from pₜ.
            _pendingLazy = false;
            if (_rng.NextDouble() >= Math.Exp(-_eta * _lastEstimate[_arm]))
            {
                _arm = Sampling.Draw(_weights, ComputeWeights(), _rng);
            }
        }

        return _arm;
    }

    private double ComputeWeights() => LossWeights.Unnormalized(_lossEstimates, _eta, _weights);
}
