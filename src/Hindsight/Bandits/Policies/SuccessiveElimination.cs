namespace Hindsight.Bandits.Policies;

/// <summary>
/// Successive elimination (Even-Dar, Mannor and Mansour, "Action elimination and stopping conditions for the
/// multi-armed bandit and reinforcement learning problems", JMLR 2006, Algorithm 3): pull the active arms
/// round-robin; after each sweep r, drop every arm i with max_j μ̂ⱼ − μ̂ᵢ ≥ 2αᵣ, αᵣ = √(ln(c K r² / δ) / r) with c = 4, as in the paper.
/// </summary>
/// <remarks>With probability 1 − δ the best arm is never eliminated and arm i is eliminated after
/// O(ln(K / (δ Δᵢ)) / Δᵢ²) sweeps, so the pseudo-regret is O(Σᵢ ln(K / (δ Δᵢ)) / Δᵢ) + δ T. Rewards in [0, 1].</remarks>
public sealed class SuccessiveElimination : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly int[] _active;
    private readonly double _delta;
    private int _activeCount;
    private int _position;
    private long _sweep;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="delta">Confidence δ ∈ (0, 1).</param>
    public SuccessiveElimination(int arms, double delta = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "δ must lie in (0, 1).");
        }

        _stats = new ArmStats[arms];
        _active = new int[arms];
        _delta = delta;
        Reset(0);
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <summary>The number of arms still active.</summary>
    public int ActiveArms => _activeCount;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        for (int i = 0; i < _active.Length; i++)
        {
            _active[i] = i;
        }

        _activeCount = _active.Length;
        _position = 0;
        _sweep = 0;
    }

    /// <inheritdoc />
    public int Choose() => _active[_position];

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats[arm].Add(reward);
        _position++;
        if (_position < _activeCount)
        {
            return;
        }

        _position = 0;
        _sweep++;
        if (_activeCount == 1)
        {
            return;
        }

        double radius = Math.Sqrt(Math.Log(4.0 * _stats.Length * _sweep * _sweep / _delta) / _sweep);
        double bestMean = double.NegativeInfinity;
        for (int j = 0; j < _activeCount; j++)
        {
            bestMean = Math.Max(bestMean, _stats[_active[j]].Mean);
        }

        int kept = 0;
        for (int j = 0; j < _activeCount; j++)
        {
            int i = _active[j];
            if (bestMean - _stats[i].Mean < 2 * radius)
            {
                _active[kept++] = i;
            }
        }

        _activeCount = kept;
    }
}
