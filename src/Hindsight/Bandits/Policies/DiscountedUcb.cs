namespace Hindsight.Bandits.Policies;

/// <summary>
/// Discounted UCB (Kocsis and Szepesvári 2006; analysed by Garivier and Moulines, ALT 2011): discounted counts
/// Nₜ(γ, i) = Σₛ γ^{t−s} 1[Iₛ = i] and sums; index X̄ₜ(γ, i) + 2B √(ξ ln nₜ(γ) / Nₜ(γ, i)) with nₜ(γ) = Σᵢ Nₜ(γ, i).
/// </summary>
/// <remarks>For Υ_T change points and γ = 1 − (1/4)√(Υ_T / T), dynamic regret O(√(Υ_T T) ln T). Defaults γ = 0.999,
/// ξ = 0.6, B = 1.</remarks>
public sealed class DiscountedUcb : IBanditPolicy
{
    private readonly double _gamma;
    private readonly double _xi;
    private readonly double _bound;
    private readonly double[] _counts;
    private readonly double[] _sums;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="gamma">Discount factor γ ∈ (0, 1].</param>
    /// <param name="xi">Exploration constant ξ &gt; 0.</param>
    /// <param name="bound">Reward bound B.</param>
    public DiscountedUcb(int arms, double gamma = 0.999, double xi = 0.6, double bound = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), "γ must lie in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(xi);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        _gamma = gamma;
        _xi = xi;
        _bound = bound;
        _counts = new double[arms];
        _sums = new double[arms];
    }

    /// <inheritdoc />
    public int Arms => _counts.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_counts);
        Array.Clear(_sums);
    }

    /// <inheritdoc />
    public int Choose()
    {
        double total = 0.0;
        for (int i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] == 0)
            {
                return i;
            }

            total += _counts[i];
        }

        double scaledLog = _xi * Math.Log(Math.Max(total, 1.0));
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int i = 0; i < _counts.Length; i++)
        {
            double index = (_sums[i] / _counts[i]) + (2 * _bound * Math.Sqrt(scaledLog / _counts[i]));
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
        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] *= _gamma;
            _sums[i] *= _gamma;
        }

        _counts[arm] += 1.0;
        _sums[arm] += reward;
    }
}
