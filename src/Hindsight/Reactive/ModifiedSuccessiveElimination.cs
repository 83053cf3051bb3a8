using Hindsight.Bandits;

namespace Hindsight.Reactive;

/// <summary>
/// Successive elimination modified for weighted tallying bandits (Malik, Li and Singh, ICML 2023): in phase ℓ = 0, 1, …
/// each active arm is played for M + 2ˡ consecutive rounds; the first M only saturate its tally (m ≤ M) and are not
/// recorded, the next 2ˡ are samples of its repeated-exposure reward 1 − fₐ(W). After each phase an arm is dropped when
/// maxⱼ μ̂ⱼ − μ̂ₐ ≥ 2α(N), α(N) = √(ln(4 K N² / δ) / N), N the samples per active arm. One arm left is played for ever.
/// </summary>
/// <remarks>
/// Complete policy regret O(√(KT log) + (m + M) K log T) under repeated-exposure optimality (the paper's bound is
/// O(√(KT) + (m + M)K) for its phase schedule); round-robin learners that switch every round never see a saturated
/// tally and can lock onto the wrong arm, with linear complete policy regret. Rewards in [0, 1].
/// </remarks>
public sealed class ModifiedSuccessiveElimination : IBanditPolicy
{
    private readonly int _bound;
    private readonly double _delta;
    private readonly double[] _sums;
    private readonly List<int> _active = [];
    private int _position;      // index into _active of the arm being played
    private long _playedInBlock; // rounds of the current block played so far
    private int _phase;
    private long _samples;      // samples per active arm so far

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">K ≥ 1.</param>
    /// <param name="memoryBound">M ≥ 1, an upper bound on the environment's memory m.</param>
    /// <param name="delta">Confidence δ ∈ (0, 1).</param>
    public ModifiedSuccessiveElimination(int arms, int memoryBound, double delta = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBound, 1);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must lie in (0, 1).");
        }

        _bound = memoryBound;
        _delta = delta;
        _sums = new double[arms];
        Reset(0);
    }

    /// <inheritdoc />
    public int Arms => _sums.Length;

    /// <summary>The arms still active.</summary>
    public IReadOnlyList<int> Active => _active;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_sums);
        _active.Clear();
        _active.AddRange(Enumerable.Range(0, Arms));
        _position = 0;
        _playedInBlock = 0;
        _phase = 0;
        _samples = 0;
    }

    /// <inheritdoc />
    public int Choose() => _active[_position];

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        if (_active.Count == 1)
        {
            return;
        }

        long block = _bound + (1L << _phase);
        if (_playedInBlock >= _bound)
        {
            _sums[arm] += reward;
        }

        if (++_playedInBlock < block)
        {
            return;
        }

        _playedInBlock = 0;
        if (++_position < _active.Count)
        {
            return;
        }

        _position = 0;
        _samples += 1L << _phase;
        _phase = Math.Min(_phase + 1, 40);
        double radius = Math.Sqrt(Math.Log(4.0 * Arms * _samples * (double)_samples / _delta) / _samples);
        double best = _active.Max(a => _sums[a]) / _samples;
        _active.RemoveAll(a => best - (_sums[a] / _samples) >= 2 * radius);
    }
}
