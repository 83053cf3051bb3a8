using Hindsight.Formats;

namespace Hindsight.Evaluation;

/// <summary>
/// Off-policy evaluation of a context-free slate policy on an Open Bandit Dataset log: the target policy is π(item, slot);
/// each impression is a decision at its slot, the click its reward, and the log's propensity its logging probability.
/// The reward model of DM and DR is a per-(item, slot) click rate shrunk toward the overall rate, cross-fitted on two
/// folds (each half of the log is scored by the model fitted on the other half), so DR stays unbiased.
/// </summary>
public static class SlotPolicyEvaluation
{
    /// <summary>Prior strength (pseudo-impressions) of the shrunk click-rate model.</summary>
    public const double PriorStrength = 100;

    /// <summary>Builds the estimators' samples.</summary>
    /// <param name="log">The logged impressions.</param>
    /// <param name="target">π(item, slot) of the policy to evaluate.</param>
    /// <returns>One sample per impression.</returns>
    public static OffPolicySample[] Samples(IReadOnlyList<ObdImpression> log, double[,] target)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(target);
        int items = target.GetLength(0), slots = target.GetLength(1);
        var models = new double[2][,];
        for (int fold = 0; fold < 2; fold++)
        {
            models[fold] = Fit(log, items, slots, trainFold: 1 - fold);
        }

        var samples = new OffPolicySample[log.Count];
        for (int i = 0; i < log.Count; i++)
        {
            ObdImpression e = log[i];
            if (e.Item >= items || e.Position >= slots)
            {
                throw new ArgumentException($"Impression at line {e.Line} has item {e.Item}, slot {e.Position + 1}; the target covers {items} items and {slots} slots.", nameof(log));
            }

            double[,] q = models[i % 2];
            double value = 0;
            for (int k = 0; k < items; k++)
            {
                value += target[k, e.Position] * q[k, e.Position];
            }

            samples[i] = new OffPolicySample(e.Click, e.Propensity, target[e.Item, e.Position], q[e.Item, e.Position], value);
        }

        return samples;
    }

    /// <summary>The uniform policy: 1/K for every item in every slot.</summary>
    /// <param name="items">K.</param>
    /// <param name="slots">Slots.</param>
    /// <returns>π.</returns>
    public static double[,] Uniform(int items, int slots)
    {
        var pi = new double[items, slots];
        for (int k = 0; k < items; k++)
        {
            for (int s = 0; s < slots; s++)
            {
                pi[k, s] = 1.0 / items;
            }
        }

        return pi;
    }

    /// <summary>The on-policy value of a log: its mean click rate, with a 95% interval.</summary>
    /// <param name="log">The impressions.</param>
    /// <returns>The mean click and its interval.</returns>
    public static OffPolicyEstimate OnPolicy(IReadOnlyList<ObdImpression> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        OffPolicySample[] samples = [.. log.Select(e => new OffPolicySample(e.Click, 1, 1))];
        return OffPolicyEstimators.Ips(samples) with { Estimator = "on-policy" };
    }

    private static double[,] Fit(IReadOnlyList<ObdImpression> log, int items, int slots, int trainFold)
    {
        var clicks = new double[items, slots];
        var shown = new double[items, slots];
        double totalClicks = 0, total = 0;
        for (int i = trainFold; i < log.Count; i += 2)
        {
            ObdImpression e = log[i];
            clicks[e.Item, e.Position] += e.Click;
            shown[e.Item, e.Position]++;
            totalClicks += e.Click;
            total++;
        }

        double prior = total > 0 ? totalClicks / total : 0;
        var q = new double[items, slots];
        for (int k = 0; k < items; k++)
        {
            for (int s = 0; s < slots; s++)
            {
                q[k, s] = (clicks[k, s] + (PriorStrength * prior)) / (shown[k, s] + PriorStrength);
            }
        }

        return q;
    }
}
