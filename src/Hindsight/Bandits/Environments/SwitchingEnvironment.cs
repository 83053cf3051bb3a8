using Hindsight.Numerics;

namespace Hindsight.Bandits.Environments;

/// <summary>
/// A generated oblivious adversary whose best arm switches every S rounds: in block j = ⌊(t − 1)/S⌋ one arm bⱼ,
/// drawn uniformly from (seed, run, j) before play, has mean <c>high</c> and the others <c>low</c>; rewards are
/// Bernoulli draws of those means. The sequence is fixed in advance and does not react to the learner.
/// </summary>
/// <remarks>
/// With S = 1 each round's best arm is fresh and unpredictable, so no learner beats the average arm in expectation,
/// while the best fixed arm in hindsight beats it by the maximum of K random walks, about
/// (high − low)·√(2 ln K · S t (K − 1)) / K: external (and pseudo-) regret grows as √t for every learner — a regret
/// floor, the randomized construction behind the Ω(√(KT)) lower bound for adversarial bandits (Auer et al., SIAM J.
/// Computing 2002, §7). With S &gt; 1 the best arm persists within a block, which a learner that keeps switching
/// can exploit (its external regret may be negative); dynamic regret is then the measure, and it is linear for
/// learners that do not forget.
/// </remarks>
public sealed class SwitchingEnvironment : IBanditEnvironment
{
    /// <summary>Creates the environment.</summary>
    /// <param name="arms">Number of arms K ≥ 2.</param>
    /// <param name="period">Block length S ≥ 1.</param>
    /// <param name="high">Mean of the block's best arm, in [0, 1].</param>
    /// <param name="low">Mean of the other arms, in [0, high].</param>
    public SwitchingEnvironment(int arms, long period, double high, double low)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (!(high >= 0 && high <= 1 && low >= 0 && low <= high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), "Need 0 ≤ low ≤ high ≤ 1.");
        }

        Arms = arms;
        Period = period;
        High = high;
        Low = low;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>The block length S.</summary>
    public long Period { get; }

    /// <summary>The best arm's mean.</summary>
    public double High { get; }

    /// <summary>The other arms' mean.</summary>
    public double Low { get; }

    /// <inheritdoc />
    public bool IsStationary => false;

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public IBanditOracle Start(ulong seed, long run)
        => new Oracle(this, CounterRng.Key(seed, run, CounterRng.Hash("switching")), CounterRng.Key(seed, run, CounterRng.Hash("switching-blocks")));

    private sealed class Oracle(SwitchingEnvironment env, ulong rewardKey, ulong blockKey) : IBanditOracle
    {
        public int Arms => env.Arms;

        public bool IsStationary => false;

        public int BestArm(long round)
        {
            long block = (round - 1) / env.Period;
            return (int)((CounterRng.Bits(blockKey, block, 0) >> 32) * (ulong)env.Arms >> 32);
        }

        public double Mean(long round, int arm) => arm == BestArm(round) ? env.High : env.Low;

        public double BestMean(long round) => env.High;

        public double Reward(long round, int arm) => CounterRng.Uniform(rewardKey, round, arm) < Mean(round, arm) ? 1.0 : 0.0;
    }
}
