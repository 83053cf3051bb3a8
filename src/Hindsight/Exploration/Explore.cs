namespace Hindsight.Exploration;

/// <summary>
/// Pure functions that turn predicted costs into a probability vector over actions (after VW's explore module).
/// Costs: lower is better. Ties go to the lowest action index.
/// </summary>
public static class Explore
{
    /// <summary>The index of the smallest cost (ties to the lowest index).</summary>
    /// <param name="costs">Predicted costs.</param>
    /// <returns>The best action.</returns>
    public static int ArgMin(ReadOnlySpan<float> costs) => ArgMin<float>(costs);

    /// <summary>The index of the smallest cost (ties to the lowest index).</summary>
    /// <param name="costs">Predicted costs.</param>
    /// <returns>The best action.</returns>
    public static int ArgMin(ReadOnlySpan<double> costs) => ArgMin<double>(costs);

    private static int ArgMin<T>(ReadOnlySpan<T> costs)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        int best = 0;
        for (int i = 1; i < costs.Length; i++)
        {
            if (costs[i] < costs[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Draws an action from a probability vector with one uniform number u ∈ [0, 1): the first a whose
    /// cumulative probability exceeds u (the last action when rounding leaves u above the total).</summary>
    /// <param name="pmf">The probabilities.</param>
    /// <param name="u">A uniform number in [0, 1).</param>
    /// <returns>The action.</returns>
    public static int Sample(ReadOnlySpan<float> pmf, double u)
    {
        double acc = 0;
        for (int a = 0; a < pmf.Length; a++)
        {
            acc += pmf[a];
            if (u < acc)
            {
                return a;
            }
        }

        return pmf.Length - 1;
    }

    /// <summary>Greedy: all mass on the best action (the lowest index among ties).</summary>
    /// <param name="costs">Predicted costs.</param>
    /// <param name="pmf">Receives the probabilities.</param>
    public static void Greedy(ReadOnlySpan<float> costs, Span<float> pmf)
    {
        pmf[..costs.Length].Clear();
        pmf[ArgMin(costs)] = 1f;
    }

    /// <summary>ε-greedy: ε/K on every action, and 1 − ε shared equally by the actions tied at the lowest cost
    /// (as VW's <c>--cb_explore_adf --epsilon</c> does, so an untrained model plays uniformly).</summary>
    /// <param name="costs">Predicted costs.</param>
    /// <param name="epsilon">Exploration ε ∈ [0, 1].</param>
    /// <param name="pmf">Receives the probabilities.</param>
    public static void EpsilonGreedy(ReadOnlySpan<float> costs, float epsilon, Span<float> pmf)
    {
        int k = costs.Length;
        pmf[..k].Fill(epsilon / k);
        float min = costs[ArgMin(costs)];
        int ties = 0;
        foreach (float c in costs)
        {
            if (c == min)
            {
                ties++;
            }
        }

        float share = (1f - epsilon) / ties;
        for (int a = 0; a < k; a++)
        {
            if (costs[a] == min)
            {
                pmf[a] += share;
            }
        }
    }

    /// <summary>
    /// Inverse gap weighting (Abe and Long 1999; Foster and Rakhlin, "Beyond UCB: optimal and efficient contextual
    /// bandits with regression oracles", ICML 2020): p(a) = 1 / (K + γ (ĉ(a) − ĉ(a*))) for a ≠ a*, and a* gets the rest.
    /// </summary>
    /// <param name="costs">Predicted costs ĉ.</param>
    /// <param name="gamma">The exploration parameter γ ≥ 0 (larger: greedier).</param>
    /// <param name="pmf">Receives the probabilities.</param>
    public static void InverseGapWeighting(ReadOnlySpan<float> costs, float gamma, Span<float> pmf) => InverseGapWeighting<float>(costs, gamma, pmf);

    /// <summary>Inverse gap weighting in double precision (see the single-precision overload).</summary>
    /// <param name="costs">Predicted costs ĉ.</param>
    /// <param name="gamma">The exploration parameter γ ≥ 0 (larger: greedier).</param>
    /// <param name="pmf">Receives the probabilities.</param>
    public static void InverseGapWeighting(ReadOnlySpan<double> costs, double gamma, Span<double> pmf) => InverseGapWeighting<double>(costs, gamma, pmf);

    private static void InverseGapWeighting<T>(ReadOnlySpan<T> costs, T gamma, Span<T> pmf)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        int k = costs.Length;
        int best = ArgMin(costs);
        T rest = T.Zero;
        for (int a = 0; a < k; a++)
        {
            if (a == best)
            {
                continue;
            }

            pmf[a] = T.One / (T.CreateTruncating(k) + (gamma * (costs[a] - costs[best])));
            rest += pmf[a];
        }

        pmf[best] = T.One - rest;
    }

    /// <summary>
    /// FastCB's first-order inverse gap weighting (Foster and Krishnamurthy, "Efficient first-order contextual bandits:
    /// prediction, allocation, and triangular discrimination", NeurIPS 2021): p(a) = ĉ(a*) / (K ĉ(a*) + γ (ĉ(a) − ĉ(a*)))
    /// for a ≠ a*, and a* gets the rest. Costs must lie in [0, 1]; when the best predicted cost is near 0 the rule is
    /// almost greedy, which is what makes its regret scale with the best policy's loss L* instead of T.
    /// </summary>
    /// <param name="costs">Predicted costs ĉ ∈ [0, 1].</param>
    /// <param name="gamma">The exploration parameter γ ≥ 0 (larger: greedier).</param>
    /// <param name="pmf">Receives the probabilities.</param>
    /// <remarks>An action tied with a* gets 1/K (the limit of the rule as the gap goes to 0 when ĉ(a*) &gt; 0, and what
    /// inverse gap weighting gives at gap 0), so an untrained model plays uniformly.</remarks>
    public static void FastCb(ReadOnlySpan<float> costs, float gamma, Span<float> pmf)
    {
        int k = costs.Length;
        int best = ArgMin(costs);
        float star = costs[best];
        float rest = 0f;
        for (int a = 0; a < k; a++)
        {
            if (a == best)
            {
                continue;
            }

            float gap = costs[a] - star;
            float denominator = (k * star) + (gamma * gap);
            pmf[a] = gap <= 0 || denominator <= 0 ? 1f / k : star / denominator; // γ = 0 and ĉ(a*) = 0: the limit 1/K
            rest += pmf[a];
        }

        pmf[best] = 1f - rest;
    }

    /// <summary>Softmax over negated costs: p(a) ∝ exp(−λ ĉ(a)).</summary>
    /// <param name="costs">Predicted costs.</param>
    /// <param name="lambda">Inverse temperature λ ≥ 0.</param>
    /// <param name="pmf">Receives the probabilities.</param>
    public static void Softmax(ReadOnlySpan<float> costs, float lambda, Span<float> pmf)
    {
        int k = costs.Length;
        float min = costs[ArgMin(costs)];
        float total = 0f;
        for (int a = 0; a < k; a++)
        {
            pmf[a] = MathF.Exp(-lambda * (costs[a] - min));
            total += pmf[a];
        }

        for (int a = 0; a < k; a++)
        {
            pmf[a] /= total;
        }
    }
}
