using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Evaluation;

/// <summary>
/// The action distribution of a ranking Bernoulli Thompson sampling policy with fixed Beta posteriors (the production
/// policy that logged the Open Bandit Dataset's BTS data): each impression draws θₖ ~ Beta(αₖ, βₖ) for every item and
/// shows the items of the largest θ in slots 1, 2, …. π(k, slot) is estimated by Monte Carlo, as the Open Bandit
/// Pipeline's <c>BernoulliTS.compute_batch_action_dist</c> does.
/// </summary>
public static class BernoulliThompsonRanking
{
    /// <summary>Estimates π(item, slot) by simulation.</summary>
    /// <param name="alpha">α of each item.</param>
    /// <param name="beta">β of each item.</param>
    /// <param name="slots">Slots per impression (3 in OBD).</param>
    /// <param name="simulations">Simulated impressions (the Monte Carlo error of each probability is ≤ 0.5/√n).</param>
    /// <param name="seed">The seed.</param>
    /// <returns>π as [item, slot].</returns>
    public static double[,] ActionDistribution(IReadOnlyList<double> alpha, IReadOnlyList<double> beta, int slots, int simulations = 100_000, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(beta);
        int k = alpha.Count;
        if (beta.Count != k || k == 0)
        {
            throw new ArgumentException($"{alpha.Count} α and {beta.Count} β: one of each per item is needed.", nameof(beta));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slots, k);
        var rng = new SeededRandom(seed);
        var counts = new double[k, slots];
        var theta = new double[k];
        var order = new int[k];
        for (int s = 0; s < simulations; s++)
        {
            for (int i = 0; i < k; i++)
            {
                theta[i] = Beta.Sample(rng, alpha[i], beta[i]);
                order[i] = i;
            }

            Array.Sort(theta, order);
            for (int slot = 0; slot < slots; slot++)
            {
                counts[order[k - 1 - slot], slot]++;
            }
        }

        for (int i = 0; i < k; i++)
        {
            for (int slot = 0; slot < slots; slot++)
            {
                counts[i, slot] /= simulations;
            }
        }

        return counts;
    }
}
