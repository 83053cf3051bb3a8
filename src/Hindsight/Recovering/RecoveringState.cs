using Hindsight.Numerics;

namespace Hindsight.Recovering;

/// <summary>One run of a <see cref="RecoveringBandit"/>: the periods played and when each arm was last pulled.</summary>
public sealed class RecoveringState
{
    private readonly RecoveringBandit _bandit;
    private readonly ulong _key;
    private readonly long[] _last;

    internal RecoveringState(RecoveringBandit bandit, ulong key)
    {
        _bandit = bandit;
        _key = key;
        _last = [.. Enumerable.Repeat(long.MinValue, bandit.Arms)];
    }

    /// <summary>Periods played so far.</summary>
    public long Period { get; private set; }

    /// <summary>Idle periods of an arm if pulled now (z_max for an arm never pulled).</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>z ≥ 1.</returns>
    public int Idle(int arm) => _last[arm] == long.MinValue ? _bandit.MaxIdle : (int)Math.Min(Period - _last[arm], _bandit.MaxIdle);

    /// <summary>Pulls a set of distinct arms this period and moves on.</summary>
    /// <param name="arms">At most K distinct arms.</param>
    /// <param name="rewards">Receives each arm's reward.</param>
    /// <returns>The period's total reward.</returns>
    /// <exception cref="ArgumentException">More than K arms, an arm out of range, or an arm twice.</exception>
    public double Play(ReadOnlySpan<int> arms, Span<double> rewards)
    {
        if (arms.Length > _bandit.Pulls)
        {
            throw new ArgumentException($"At most K = {_bandit.Pulls} arms a period; got {arms.Length}.", nameof(arms));
        }

        double total = 0;
        for (int j = 0; j < arms.Length; j++)
        {
            int arm = arms[j];
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)_bandit.Arms, nameof(arms));
            if (_last[arm] == Period)
            {
                throw new ArgumentException($"Arm {arm} is pulled twice in one period.", nameof(arms));
            }

            double mean = _bandit.Mean(arm, Idle(arm));
            rewards[j] = CounterRng.Uniform(_key, Period, arm) < mean ? 1.0 : 0.0;
            total += rewards[j];
            _last[arm] = Period;
        }

        Period++;
        return total;
    }
}
