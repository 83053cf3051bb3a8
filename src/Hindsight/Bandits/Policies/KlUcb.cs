using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>
/// KL-UCB for Bernoulli (bounded) rewards (Garivier and Cappé, "The KL-UCB algorithm for bounded stochastic
/// bandits and beyond", COLT 2011): after one pull of each arm, pull the arm maximizing
/// Uᵢ(t) = max{q ∈ [μ̂ᵢ, 1] : nᵢ · kl(μ̂ᵢ, q) ≤ ln t + c ln ln t}, where kl is the Bernoulli divergence.
/// </summary>
/// <remarks>
/// Asymptotically optimal for Bernoulli arms: E[nᵢ(T)] ≤ (1 + ε) ln T / kl(μᵢ, μ*) + o(ln T), so the
/// pseudo-regret meets the Lai–Robbins bound Σᵢ Δᵢ ln T / kl(μᵢ, μ*). c = 0 is the practical choice the
/// paper recommends; c = 3 is the one its theorem needs. The argmax is exact, but most Newton solves are skipped:
/// an arm whose upper bound on its index (the tangent of its last exact index, valid because the index is concave
/// in the budget, or <see cref="KullbackLeibler.BernoulliUpperBoundCeiling"/>) is below the best exact index so far
/// cannot win.
/// </remarks>
public sealed class KlUcb : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly double _c;
    private readonly double[] _cachedIndex;
    private readonly double[] _cachedSlope;
    private readonly double[] _cachedBudget;
    private readonly long[] _cachedPulls;
    private long _round;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="c">The ln ln t coefficient (0 by default).</param>
    public KlUcb(int arms, double c = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        _stats = new ArmStats[arms];
        _c = c;
        _cachedIndex = new double[arms];
        _cachedSlope = new double[arms];
        _cachedBudget = new double[arms];
        _cachedPulls = new long[arms];
        _round = 1;
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
        Array.Clear(_cachedIndex);
        Array.Clear(_cachedSlope);
        Array.Clear(_cachedBudget);
        Array.Clear(_cachedPulls);
        _round = 1;
    }

    /// <summary>The exploration budget ln t + c ln ln t of round t.</summary>
    /// <param name="round">The round t.</param>
    /// <param name="c">The coefficient c.</param>
    /// <returns>The budget (0 at t = 1).</returns>
    public static double Budget(long round, double c)
    {
        double lt = Math.Log(round);
        return lt + (c > 0 && lt > 1 ? c * Math.Log(lt) : 0.0);
    }

    /// <inheritdoc />
    public int Choose()
    {
        ArmStats[] stats = _stats;
        int k = stats.Length;
        if (_round <= k && stats[_round - 1].Pulls == 0)
        {
            return (int)(_round - 1);
        }

        double budget = Budget(_round, _c);

        // Ceiling of every index: the tangent of the cached exact index (valid by concavity), or the cheap bound.
        int best = -1;
        double bestCeiling = double.NegativeInfinity;
        for (int i = 0; i < k; i++)
        {
            if (stats[i].Pulls == 0)
            {
                return i;
            }

            double ceiling = Ceiling(i, budget);
            if (ceiling > bestCeiling)
            {
                bestCeiling = ceiling;
                best = i;
            }
        }

        double bestIndex = Exact(best, budget);
        for (int i = 0; i < k; i++)
        {
            if (i == best)
            {
                continue;
            }

            double ceiling = Ceiling(i, budget);
            if (ceiling < bestIndex || (ceiling == bestIndex && i > best))
            {
                continue; // cannot beat the incumbent (ties go to the lower arm)
            }

            double index = Exact(i, budget);
            if (index > bestIndex || (index == bestIndex && i < best))
            {
                bestIndex = index;
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// An upper bound on arm i's index at this budget. The index U(b) is concave and increasing in the budget b
    /// (the inverse of the convex, increasing kl(p, ·)), so the tangent at the last exact solve lies above it:
    /// U(b) ≤ U(b₀) + U′(b₀)(b − b₀) with U′ = q(1 − q) / (n (q − p)). A margin of 1e−12 covers the solver's rounding.
    /// </summary>
    private double Ceiling(int i, double budget)
    {
        ref readonly ArmStats s = ref _stats[i];
        double cheap = KullbackLeibler.BernoulliUpperBoundCeiling(s.Mean, budget * s.InversePulls);
        if (_cachedPulls[i] != s.Pulls)
        {
            return cheap;
        }

        return Math.Min(cheap, _cachedIndex[i] + (_cachedSlope[i] * (budget - _cachedBudget[i])) + 1e-12);
    }

    /// <summary>The exact index of arm i at this budget, solved once and cached with its tangent slope.</summary>
    private double Exact(int i, double budget)
    {
        ref readonly ArmStats s = ref _stats[i];
        if (_cachedPulls[i] == s.Pulls && _cachedBudget[i] == budget)
        {
            return _cachedIndex[i];
        }

        double q = KullbackLeibler.BernoulliUpperBound(s.Mean, budget * s.InversePulls);
        double gap = q - s.Mean;
        _cachedIndex[i] = q;
        _cachedBudget[i] = budget;
        _cachedPulls[i] = s.Pulls;
        _cachedSlope[i] = gap > 1e-12 ? q * (1 - q) * s.InversePulls / gap : double.PositiveInfinity;
        return q;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats[arm].Add(reward);
        _round++;
    }
}
