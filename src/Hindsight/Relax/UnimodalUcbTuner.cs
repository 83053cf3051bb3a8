namespace Hindsight.Relax;

/// <summary>
/// A bandit tuner for cost profiles that are unimodal along the grid — SOR's iteration count falls with ω up to ω*
/// and rises after it (Young: ρ(ω) = ω − 1 beyond ω*) — after OSUB (Combes and Proutière, "Unimodal Bandits: Regret
/// Lower Bounds and Optimal Algorithms", ICML 2014): only the leader (the value with the lowest mean cost so far) and
/// its two grid neighbours are candidates; the leader is played every third time it leads, otherwise the candidate
/// with the lowest optimistic index. Its regret grows with the neighbourhood (3 values), not with the grid size.
/// </summary>
/// <remarks>
/// <para>Costs here are unbounded (iteration counts), so the KL index of OSUB is replaced by the empirical-Bernstein
/// (UCB-V) lower bound of Audibert, Munos and Szepesvári (2009): μ̂ₖ − √(2 σ̂ₖ² ln l / nₖ) − 3 R ln l / nₖ, with
/// l the number of rounds the current leader has led and R the range of the costs seen so far.</para>
/// <para>The search starts at the middle of the grid and walks; a neighbour never played is played first. The tuner
/// is deterministic (the seed is unused) and reads no context.</para>
/// </remarks>
public sealed class UnimodalUcbTuner : IParameterTuner
{
    private readonly double[] _sums;
    private readonly double[] _squares;
    private readonly long[] _counts;
    private readonly long[] _led;
    private double _low = double.PositiveInfinity;
    private double _high = double.NegativeInfinity;

    /// <summary>Creates the tuner.</summary>
    /// <param name="arms">The grid size K ≥ 1 (grid values in order, so that neighbours are adjacent indices).</param>
    public UnimodalUcbTuner(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        _sums = new double[arms];
        _squares = new double[arms];
        _counts = new long[arms];
        _led = new long[arms];
    }

    /// <inheritdoc />
    public int Arms => _counts.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_sums);
        Array.Clear(_squares);
        Array.Clear(_counts);
        Array.Clear(_led);
        _low = double.PositiveInfinity;
        _high = double.NegativeInfinity;
    }

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> context)
    {
        int leader = -1;
        for (int k = 0; k < _counts.Length; k++)
        {
            if (_counts[k] > 0 && (leader < 0 || Mean(k) < Mean(leader)))
            {
                leader = k;
            }
        }

        if (leader < 0)
        {
            return Arms / 2;
        }

        long led = ++_led[leader];
        if (led % 3 == 0)
        {
            return leader;
        }

        double range = _high - _low;
        double log = Math.Log(led);
        int best = leader;
        double bestIndex = double.PositiveInfinity;
        for (int k = Math.Max(0, leader - 1); k <= Math.Min(Arms - 1, leader + 1); k++)
        {
            if (_counts[k] == 0)
            {
                return k;
            }

            double mean = Mean(k);
            double variance = Math.Max(0.0, (_squares[k] / _counts[k]) - (mean * mean));
            double index = mean - Math.Sqrt(2.0 * variance * log / _counts[k]) - (3.0 * range * log / _counts[k]);
            if (index < bestIndex)
            {
                (best, bestIndex) = (k, index);
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Observe(int arm, double cost)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)arm, (uint)Arms, nameof(arm));
        if (!(cost >= 0) || double.IsInfinity(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A cost must be a finite number ≥ 0.");
        }

        _sums[arm] += cost;
        _squares[arm] += cost * cost;
        _counts[arm]++;
        _low = Math.Min(_low, cost);
        _high = Math.Max(_high, cost);
    }

    private double Mean(int arm) => _sums[arm] / _counts[arm];
}
