using Hindsight.Contextual;
using Hindsight.Contextual.Learners;

namespace Hindsight.Evaluation;

/// <summary>
/// Progressive validation of an online learner on a log (VW's "average loss"): each example is first predicted,
/// scored, then learned. The loss of example t is the inverse-propensity estimate of the learner's expected cost,
/// Σₐ πₜ(a) · 1[a = aₜ] cₜ / pₜ = πₜ(aₜ) cₜ / pₜ, which is unbiased for the cost of playing πₜ (Blum, Kalai and Langford,
/// COLT 1999; Langford, Strehl and Wortman, ICML 2008).
/// </summary>
public static class ProgressiveValidation
{
    /// <summary>Runs the learner over the examples.</summary>
    /// <param name="examples">The log, in order.</param>
    /// <param name="learner">The learner.</param>
    /// <returns>The number of labeled examples and their average loss.</returns>
    public static (long Examples, double AverageLoss) Run(IEnumerable<CbExample> examples, IContextualLearner learner)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(learner);
        float[] pmf = new float[64];
        long n = 0;
        double total = 0;
        foreach (CbExample example in examples)
        {
            int k = example.Actions.Count;
            if (pmf.Length < k)
            {
                pmf = new float[k * 2];
            }

            learner.Predict(example, pmf);
            if (example.Label is { } label)
            {
                total += pmf[label.Action] * (double)label.Cost / label.Probability;
                n++;
            }

            learner.Learn(example);
        }

        return (n, n > 0 ? total / n : 0.0);
    }
}
