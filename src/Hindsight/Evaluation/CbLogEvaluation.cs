using Hindsight.Contextual;
using Hindsight.Contextual.Learners;

namespace Hindsight.Evaluation;

/// <summary>
/// Off-policy evaluation of target policies on an ADF log (VW text or DSJson): the reward is −cost, the logging
/// probability the label's, and the reward model of DM and DR the mean reward of each action index, cross-fitted on two
/// folds (each half scored by the model of the other half). The targets are fixed policies (uniform, the first action,
/// the logging policy itself) or a candidate learner evaluated progressively: on each logged decision the candidate's
/// distribution before it learns that decision (Personalizer's offline evaluation of candidate learning settings; the
/// progressive estimate of Langford, Strehl and Wortman, ICML 2008).
/// </summary>
public static class CbLogEvaluation
{
    /// <summary>The fixed target policies this evaluator knows: uniform over the example's actions, always the first
    /// action (Personalizer's baseline), or live — the logging policy's own distribution (DSJson's <c>p</c>), whose
    /// estimates check the estimators against the log's own mean reward.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["uniform", "first", "live"];

    /// <summary>Builds the estimators' samples for a fixed target policy.</summary>
    /// <param name="log">The labeled examples.</param>
    /// <param name="policy">uniform, first or live.</param>
    /// <returns>One sample per labeled example.</returns>
    /// <exception cref="ArgumentException">An unknown policy, or live on a log without the logging distribution.</exception>
    public static OffPolicySample[] Samples(IReadOnlyList<CbExample> log, string policy)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!Policies.Contains(policy))
        {
            throw new ArgumentException($"Unknown policy '{policy}'.", nameof(policy));
        }

        return Build(log, (e, p) => Distribution(policy, e, p), learn: null);
    }

    /// <summary>A fixed policy's distribution over an example's actions.</summary>
    /// <param name="policy">uniform, first or live.</param>
    /// <param name="example">The decision.</param>
    /// <param name="pmf">Receives one probability per action.</param>
    /// <exception cref="ArgumentException">An unknown policy, or live on an example without the logging distribution.</exception>
    public static void Distribution(string policy, CbExample example, Span<double> pmf)
    {
        ArgumentNullException.ThrowIfNull(example);
        switch (policy)
        {
            case "uniform":
                pmf.Fill(1.0 / pmf.Length);
                break;
            case "first":
                pmf.Clear();
                pmf[0] = 1;
                break;
            case "live":
                IReadOnlyList<float> logged = example.Probabilities
                    ?? throw new ArgumentException($"line {example.Line}: policy live needs the logging distribution of every decision (DSJson's p)");
                for (int a = 0; a < pmf.Length; a++)
                {
                    pmf[a] = a < logged.Count ? logged[a] : 0;
                }

                break;
            default:
                throw new ArgumentException($"Unknown policy '{policy}'.", nameof(policy));
        }
    }

    /// <summary>Builds the estimators' samples for a candidate learner, progressively: each labeled decision is scored
    /// with the candidate's distribution before it learns the decision (with its logged probability), then learned.</summary>
    /// <param name="log">The examples, in the order they were logged.</param>
    /// <param name="candidate">A fresh learner (it learns the whole log).</param>
    /// <returns>One sample per labeled example.</returns>
    public static OffPolicySample[] Samples(IReadOnlyList<CbExample> log, IContextualLearner candidate)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(candidate);
        float[] buffer = new float[16];
        return Build(
            log,
            (e, p) =>
            {
                if (buffer.Length < p.Length)
                {
                    buffer = new float[2 * p.Length];
                }

                Span<float> pmf = buffer.AsSpan(0, p.Length);
                candidate.Predict(e, pmf);
                for (int a = 0; a < p.Length; a++)
                {
                    p[a] = pmf[a];
                }
            },
            candidate.Learn);
    }

    private static OffPolicySample[] Build(IReadOnlyList<CbExample> log, Action<CbExample, Span<double>> pi, Action<CbExample>? learn)
    {
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
        double[] p = new double[maxActions];
        for (int i = 0; i < labeled.Count; i++)
        {
            CbLabel l = labeled[i].Label!.Value;
            Span<double> target = p.AsSpan(0, labeled[i].Actions.Count);
            pi(labeled[i], target);
            double[] q = models[i % 2];
            double value = 0;
            for (int a = 0; a < target.Length; a++)
            {
                value += target[a] * q[a];
            }

            samples[i] = new OffPolicySample(-l.Cost, l.Probability, target[l.Action], q[l.Action], value);
            learn?.Invoke(labeled[i]);
        }

        return samples;
    }
}
