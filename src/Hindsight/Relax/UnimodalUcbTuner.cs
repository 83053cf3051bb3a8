using Hindsight.Bandits;

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
/// <para>OSUB plays the leader on the first of every γ + 1 = 3 rounds it leads; this tuner plays it on the third, and
/// keeps γ = 2 at the grid's ends where a value has one neighbour.</para>
/// <para>The search starts at the middle of the grid and walks; a neighbour never played is played first. The tuner
/// is deterministic (the seed is unused) and reads no context.</para>
/// </remarks>
public sealed class UnimodalUcbTuner : IParameterTuner
{
    private readonly ArmStats[] _stats;
    private readonly long[] _led;
    private double _low = double.PositiveInfinity;
    private double _high = double.NegativeInfinity;
    private TunerRounds _rounds;

    /// <summary>Creates the tuner.</summary>
    /// <param name="arms">The grid size K ≥ 1 (grid values in order, so that neighbours are adjacent indices).</param>
    public UnimodalUcbTuner(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        _stats = new ArmStats[arms];
        _led = new long[arms];
        _rounds.Reset();
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        Array.Clear(_led);
        _low = double.PositiveInfinity;
        _high = double.NegativeInfinity;
        _rounds.Reset();
    }

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> context) => _rounds.Chose(Pick());

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The arm is not the one the last <see cref="Choose"/> returned.</exception>
    public void Observe(int arm, double cost)
    {
        _rounds.Observe(arm, cost);
        _stats[arm].Add(cost);
        _low = Math.Min(_low, cost);
        _high = Math.Max(_high, cost);
    }

    private int Pick()
    {
        int leader = -1;
        for (int k = 0; k < _stats.Length; k++)
        {
            if (_stats[k].Pulls > 0 && (leader < 0 || _stats[k].Mean < _stats[leader].Mean))
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
            ref readonly ArmStats s = ref _stats[k];
            if (s.Pulls == 0)
            {
                return k;
            }

            double index = s.Mean - Math.Sqrt(2.0 * s.Variance * log * s.InversePulls) - (3.0 * range * log * s.InversePulls);
            if (index < bestIndex)
            {
                (best, bestIndex) = (k, index);
            }
        }

        return best;
    }
}
