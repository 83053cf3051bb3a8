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
/// paper recommends; c = 3 is the one its theorem needs. The argmax is exact: by Pinsker's inequality
/// Uᵢ ≤ μ̂ᵢ + √(budget / (2nᵢ)), so an arm whose Pinsker bound is below the best exact index so far cannot win
/// and its exact index (a Newton solve) is skipped.
/// </remarks>
public sealed class KlUcb : IBanditPolicy
{
    private readonly ArmStats[] _stats;
    private readonly double _c;
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
        _round = 1;
    }

    /// <inheritdoc />
    public int Arms => _stats.Length;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        Array.Clear(_stats);
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

        // Start from the arm with the largest Pinsker bound: it is the most likely winner.
        int best = 0;
        double bestBound = double.NegativeInfinity;
        for (int i = 0; i < k; i++)
        {
            if (stats[i].Pulls == 0)
            {
                return i;
            }

            double bound = stats[i].Mean + Math.Sqrt(budget / (2.0 * stats[i].Pulls));
            if (bound > bestBound)
            {
                bestBound = bound;
                best = i;
            }
        }

        double bestIndex = KullbackLeibler.BernoulliUpperBound(stats[best].Mean, budget / stats[best].Pulls);
        for (int i = 0; i < k; i++)
        {
            if (i == best)
            {
                continue;
            }

            double bound = Math.Min(1.0, stats[i].Mean + Math.Sqrt(budget / (2.0 * stats[i].Pulls)));
            if (bound < bestIndex || (bound == bestIndex && i > best))
            {
                continue; // cannot beat the incumbent (ties go to the lower arm)
            }

            double index = KullbackLeibler.BernoulliUpperBound(stats[i].Mean, budget / stats[i].Pulls);
            if (index > bestIndex || (index == bestIndex && i < best))
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
        _stats[arm].Add(reward);
        _round++;
    }
}
