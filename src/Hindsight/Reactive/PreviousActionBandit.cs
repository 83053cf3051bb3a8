using Hindsight.Numerics;

namespace Hindsight.Reactive;

/// <summary>
/// A bandit with memory one: the mean reward of arm a is r[prev][a], prev being the arm played in the previous round
/// (the first round counts as following arm 0), plus Gaussian noise of scale σ addressed by (seed, run, round, arm).
/// The smallest reactive environment: enough to show external regret and policy regret disagree in sign.
/// </summary>
public sealed class PreviousActionBandit : IReactiveBandit
{
    private readonly double[,] _means;
    private readonly double _noise;

    /// <summary>Creates the bandit.</summary>
    /// <param name="means">r[prev, a], K × K, finite.</param>
    /// <param name="noise">σ ≥ 0.</param>
    public PreviousActionBandit(double[,] means, double noise = 0.0)
    {
        ArgumentNullException.ThrowIfNull(means);
        if (means.GetLength(0) != means.GetLength(1) || means.GetLength(0) < 1)
        {
            throw new ArgumentException($"The table must be K × K; it is {means.GetLength(0)} × {means.GetLength(1)}.", nameof(means));
        }

        foreach (double m in means)
        {
            if (!double.IsFinite(m))
            {
                throw new ArgumentException("The means must be finite.", nameof(means));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        _means = (double[,])means.Clone();
        _noise = noise;
    }

    /// <inheritdoc />
    public int Arms => _means.GetLength(0);

    /// <inheritdoc />
    public IReactiveState Start(ulong seed, long run) => new State(this, CounterRng.Key(seed, run, CounterRng.Hash("previous-action")));

    private sealed class State(PreviousActionBandit bandit, ulong key) : IReactiveState
    {
        private int _previous;

        public long Round { get; private set; }

        public double Mean(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            return bandit._means[_previous, arm];
        }

        public double Reward(int arm) => Mean(arm) + (bandit._noise == 0 ? 0 : bandit._noise * CounterRng.Normal(key, Round, arm));

        public void Play(int arm)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)bandit.Arms, nameof(arm));
            _previous = arm;
            Round++;
        }
    }
}
