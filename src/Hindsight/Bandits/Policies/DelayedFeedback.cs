using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// Delayed feedback around a K-armed learner: the reward of the arm pulled at round t reaches the learner only at the
/// start of round t + τₜ (τₜ = d fixed, or uniform on {0, …, 2d} with mean d). Until then the learner chooses without
/// it. Rewards arriving in the same round are delivered in the order of their pulls.
/// </summary>
/// <remarks>For learners whose update depends only on (arm, reward) — index policies, Thompson sampling, ε-greedy — the
/// delay costs an additive O(E[τ] Σₐ Δₐ)-type term over the undelayed regret (Joulani, György and Szepesvári, "Online
/// learning under delayed feedback", ICML 2013). Importance-weighted learners (EXP3 and kin) need the play-time
/// probability and are not wrapped.</remarks>
public sealed class DelayedFeedback : IBanditPolicy
{
    private readonly IBanditPolicy _inner;
    private readonly int _delay;
    private readonly bool _random;
    private readonly SeededRandom _rng = new(0);
    private readonly PriorityQueue<(int Arm, double Reward), (long Due, long Order)> _pending = new();
    private long _round;

    /// <summary>Wraps a learner.</summary>
    /// <param name="inner">The learner that receives the delayed rewards.</param>
    /// <param name="delay">The delay d ≥ 0 in rounds (the mean delay when random).</param>
    /// <param name="random">Draw each delay uniformly from {0, …, 2d} instead of using d.</param>
    public DelayedFeedback(IBanditPolicy inner, int delay, bool random = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        _inner = inner;
        _delay = delay;
        _random = random;
    }

    /// <inheritdoc />
    public int Arms => _inner.Arms;

    /// <summary>Rewards pulled but not yet delivered.</summary>
    public int Pending => _pending.Count;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _inner.Reset(seed);
        _rng.Reseed(seed ^ 0x9E3779B97F4A7C15UL);
        _pending.Clear();
        _round = 0;
    }

    /// <inheritdoc />
    public int Choose()
    {
        _round++;
        while (_pending.TryPeek(out var item, out var key) && key.Due <= _round)
        {
            _pending.Dequeue();
            _inner.Update(item.Arm, item.Reward);
        }

        return _inner.Choose();
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        long delay = _random ? _rng.Next(2 * _delay + 1) : _delay;
        _pending.Enqueue((arm, reward), (_round + 1 + delay, _round));
    }
}
