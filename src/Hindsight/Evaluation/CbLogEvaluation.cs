using Hindsight.Contextual;

namespace Hindsight.Evaluation;

/// <summary>
/// Off-policy evaluation of simple target policies on an ADF log (VW text or DSJson): the reward is −cost, the logging
/// probability the label's, and the reward model of DM and DR the mean reward of each action index, cross-fitted on two
/// folds (each half scored by the model of the other half).
/// </summary>
public static class CbLogEvaluation
{
    /// <summary>The target policies this evaluator knows: uniform over the example's actions, or always the first
    /// action (Personalizer's baseline).</summary>
    public static IReadOnlyList<string> Policies { get; } = ["uniform", "first"];

    /// <summary>Builds the estimators' samples for a target policy.</summary>
    /// <param name="log">The labeled examples.</param>
    /// <param name="policy">uniform or first.</param>
    /// <returns>One sample per labeled example.</returns>
    public static OffPolicySample[] Samples(IReadOnlyList<CbExample> log, string policy)
    {
        ArgumentNullException.ThrowIfNull(log);
        Func<int, int, double> pi = policy switch
        {
            "uniform" => (_, k) => 1.0 / k,
            "first" => (a, _) => a == 0 ? 1.0 : 0.0,
            _ => throw new ArgumentException($"Unknown policy '{policy}'.", nameof(policy)),
        };
        var labeled = log.Where(e => e.Label is not null).ToList();
        int maxActions = labeled.Count == 0 ? 1 : labeled.Max(e => e.Actions.Count);
        var models = new double[2][];
        for (int fold = 0; fold < 2; fold++)
        {
            var sum = new double[maxActions];
            var count = new double[maxActions];
            double total = 0, n = 0;
            for (int i = 1 - fold; i < labeled.Count; i += 2)
            {
                CbLabel l = labeled[i].Label!.Value;
                sum[l.Action] -= l.Cost;
                count[l.Action]++;
                total -= l.Cost;
                n++;
            }

            double prior = n > 0 ? total / n : 0;
            models[fold] = [.. sum.Zip(count, (s, c) => (s + (10 * prior)) / (c + 10))];
        }

        var samples = new OffPolicySample[labeled.Count];
        for (int i = 0; i < labeled.Count; i++)
        {
            CbLabel l = labeled[i].Label!.Value;
            int k = labeled[i].Actions.Count;
            double[] q = models[i % 2];
            double value = 0;
            for (int a = 0; a < k; a++)
            {
                value += pi(a, k) * q[a];
            }

            samples[i] = new OffPolicySample(-l.Cost, l.Probability, pi(l.Action, k), q[l.Action], value);
        }

        return samples;
    }
}
