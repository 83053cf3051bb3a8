using Hindsight.Reactive;

namespace Hindsight.Recovering;

/// <summary>
/// The online policy of Simchi-Levi, Zheng and Zhu (2021): periodic planning on optimistic recovery curves, replanned
/// in epochs. An epoch ends when some (arm, idle time) pair has been observed in it as often as before it (the doubling
/// rule of UCRL2, Jaksch, Ortner and Auer 2010, so an optimistic plan that proves wrong is dropped as soon as its
/// evidence has doubled). At an epoch's start every (arm, idle time z) pair gets an upper confidence bound
/// Uᵢ(z) = min(1, R̂ᵢ(z) + √(2 ln t / nᵢ(z))) (1 when never observed), made nondecreasing in z by
/// Uᵢ(z) ← min_{z' ≥ z} Uᵢ(z') (a true curve is), and the epoch follows the purely periodic schedule planned on U.
/// </summary>
/// <remarks>Its regret against the offline periodic benchmark is sublinear (the paper proves Õ(√(N z_max T))-type bounds
/// for its version); plain UCB on arms' average rewards ignores recovery and keeps pulling the same arms.</remarks>
public sealed class PeriodicUcb : IRecoveringPolicy
{
    private readonly int _arms;
    private readonly int _pulls;
    private readonly int _maxIdle;
    private readonly long[,] _atStart;
    private readonly double[,] _sums;
    private readonly long[,] _counts;
    private readonly long[] _last;
    private PeriodicSchedule? _schedule;
    private long _period;
    private long _epochStart;
    private bool _replan;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">N.</param>
    /// <param name="pulls">K.</param>
    /// <param name="maxIdle">z_max.</param>
    public PeriodicUcb(int arms, int pulls, int maxIdle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pulls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdle, 1);
        _arms = arms;
        _pulls = pulls;
        _maxIdle = maxIdle;
        _sums = new double[arms, maxIdle + 1];
        _counts = new long[arms, maxIdle + 1];
        _atStart = new long[arms, maxIdle + 1];
        _last = new long[arms];
        Reset(0);
    }

    /// <summary>The schedule of the current epoch (null before the first period).</summary>
    public PeriodicSchedule? Schedule => _schedule;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        Array.Fill(_last, long.MinValue);
        _schedule = null;
        _period = 0;
        _replan = true;
    }

    /// <inheritdoc />
    public int Choose(Span<int> arms)
    {
        if (_replan)
        {
            _replan = false;
            _epochStart = _period;
            Array.Copy(_counts, _atStart, _counts.Length);
            _schedule = PeriodicSchedule.Plan(_arms, _pulls, _maxIdle, Optimistic());
        }

        return _schedule!.Due(_period - _epochStart, arms);
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<int> arms, ReadOnlySpan<double> rewards)
    {
        for (int j = 0; j < arms.Length; j++)
        {
            int arm = arms[j];
            int idle = _last[arm] == long.MinValue ? _maxIdle : (int)Math.Min(_period - _last[arm], _maxIdle);
            _sums[arm, idle] += rewards[j];
            _counts[arm, idle]++;
            _last[arm] = _period;
            if (Optimism.HasDoubled(_counts[arm, idle], _atStart[arm, idle]))
            {
                _replan = true;
            }
        }

        _period++;
    }

    private Func<int, int, double> Optimistic()
    {
        double log = Math.Log(Math.Max(2, _period));
        var upper = new double[_arms][];
        for (int i = 0; i < _arms; i++)
        {
            upper[i] = new double[_maxIdle + 1]; // index z = 1 … z_max (0 unused)
            for (int z = 1; z <= _maxIdle; z++)
            {
                upper[i][z] = Optimism.Upper(_sums[i, z], _counts[i, z], log);
            }

            Optimism.NondecreasingEnvelope(upper[i].AsSpan(1));
        }

        return (i, z) => upper[i][Math.Min(z, _maxIdle)];
    }
}
