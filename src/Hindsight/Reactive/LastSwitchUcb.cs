using Hindsight.Bandits;

namespace Hindsight.Reactive;

/// <summary>
/// The online adaptation of the block-cycle planner: every (arm, signed delay τ) cell keeps the mean of the rewards
/// seen there; the planner runs on optimistic payoffs Uᵢ(τ) = min(1, f̂ᵢ(τ) + √(2 ln t / nᵢ(τ))) (1 for cells never
/// seen), made monotone as the true payoffs are (nondecreasing in the idle time, nonincreasing in the streak), and
/// the cycle is replanned when some cell's count has doubled since the last plan (the UCRL2 rule).
/// </summary>
/// <remarks>Rewards in [0, 1]. The learner tracks the delays itself from its own plays.</remarks>
public sealed class LastSwitchUcb : IBanditPolicy
{
    private readonly int _maxDelay;
    private readonly double[,] _sums;
    private readonly long[,] _counts;
    private readonly long[,] _atPlan;
    private readonly long[] _lastPlayed;
    private BlockCycle? _cycle;
    private long _position;
    private long _round;
    private int _current;
    private int _streak;
    private bool _replan;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">K.</param>
    /// <param name="maxDelay">τ_max (known).</param>
    public LastSwitchUcb(int arms, int maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, 1);
        _maxDelay = maxDelay;
        _sums = new double[arms, (2 * maxDelay) + 1];
        _counts = new long[arms, (2 * maxDelay) + 1];
        _atPlan = new long[arms, (2 * maxDelay) + 1];
        _lastPlayed = new long[arms];
        Reset(0);
    }

    /// <inheritdoc />
    public int Arms => _lastPlayed.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        Array.Fill(_lastPlayed, long.MinValue);
        _cycle = null;
        _round = 0;
        _current = -1;
        _streak = 0;
        _replan = true;
    }

    /// <inheritdoc />
    public int Choose()
    {
        if (_replan)
        {
            _replan = false;
            _position = 0;
            Array.Copy(_counts, _atPlan, _counts.Length);
            _cycle = BlockCycle.Plan(Arms, Optimistic(), _maxDelay);
        }

        return _cycle!.ArmAt(_position);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        int delay = arm == _current ? Math.Min(_streak, _maxDelay)
            : -(_lastPlayed[arm] == long.MinValue ? _maxDelay : (int)Math.Min(_round - _lastPlayed[arm], _maxDelay));
        int cell = delay + _maxDelay;
        _sums[arm, cell] += reward;
        _counts[arm, cell]++;
        if (Optimism.HasDoubled(_counts[arm, cell], _atPlan[arm, cell]))
        {
            _replan = true;
        }

        _streak = arm == _current ? _streak + 1 : 1;
        _current = arm;
        _lastPlayed[arm] = _round;
        _round++;
        _position++;
    }

    private Func<int, int, double> Optimistic()
    {
        double log = Math.Log(Math.Max(2, _round));
        int width = (2 * _maxDelay) + 1;
        var upper = new double[Arms][];
        for (int i = 0; i < Arms; i++)
        {
            upper[i] = new double[width]; // cell τ + τ_max: switches (τ = −τ_max … −1), unused 0, repeats (1 … τ_max)
            for (int cell = 0; cell < width; cell++)
            {
                upper[i][cell] = Optimism.Upper(_sums[i, cell], _counts[i, cell], log);
            }

            // fᵢ(−d) is nondecreasing in d: in cell order (d = τ_max first) that is nonincreasing.
            Optimism.NonincreasingEnvelope(upper[i].AsSpan(0, _maxDelay));
            Optimism.NonincreasingEnvelope(upper[i].AsSpan(_maxDelay + 1)); // fᵢ(+s) nonincreasing in s
        }

        return (i, tau) => upper[i][Math.Clamp(tau, -_maxDelay, _maxDelay) + _maxDelay];
    }
}
