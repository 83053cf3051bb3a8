namespace Hindsight.Bandits.Policies;

/// <summary>
/// Sliding-window UCB (Garivier and Moulines, "On upper-confidence bound policies for switching bandit problems",
/// ALT 2011): statistics over the last τ rounds only; index X̄ₜ(τ, i) + B √(ξ ln min(t, τ) / Nₜ(τ, i)); an arm
/// absent from the window is pulled first.
/// </summary>
/// <remarks>For Υ_T change points and τ ≈ 2B √(T ln T / Υ_T), the pseudo-regret against the per-round best arm
/// (dynamic regret) is O(√(Υ_T T ln T)). Defaults ξ = 0.6 (the paper's experiments) and B = 1.</remarks>
public sealed class SlidingWindowUcb : IBanditPolicy
{
    private readonly int _window;
    private readonly double _xi;
    private readonly double _bound;
    private readonly int[] _arms;
    private readonly double[] _rewards;
    private readonly long[] _counts;
    private readonly double[] _sums;
    private long _round = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="window">Window length τ ≥ 1.</param>
    /// <param name="xi">Exploration constant ξ &gt; 1/2.</param>
    /// <param name="bound">Reward bound B.</param>
    public SlidingWindowUcb(int arms, int window = 1000, double xi = 0.6, double bound = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (!(xi > 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(xi), "ξ must exceed 1/2 (the condition of the paper's bound).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        _window = window;
        _xi = xi;
        _bound = bound;
        _arms = new int[window];
        _rewards = new double[window];
        _counts = new long[arms];
        _sums = new double[arms];
    }

    /// <inheritdoc />
    public int Arms => _counts.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_arms);
        Array.Clear(_rewards);
        Array.Clear(_counts);
        Array.Clear(_sums);
        _round = 1;
    }

    /// <inheritdoc />
    public int Choose()
    {
        double scaledLog = _xi * Math.Log(Math.Min(_round, _window));
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int i = 0; i < _counts.Length; i++)
        {
            long n = _counts[i];
            if (n == 0)
            {
                return i;
            }

            double index = (_sums[i] / n) + (_bound * Math.Sqrt(scaledLog / n));
            if (index > bestIndex)
            {
                bestIndex = index;
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        int slot = (int)((_round - 1) % _window);
        if (_round > _window)
        {
            int old = _arms[slot];
            _counts[old]--;
            _sums[old] = _counts[old] == 0 ? 0.0 : _sums[old] - _rewards[slot];
        }

        _arms[slot] = arm;
        _rewards[slot] = reward;
        _counts[arm]++;
        _sums[arm] += reward;
        _round++;
    }
}
