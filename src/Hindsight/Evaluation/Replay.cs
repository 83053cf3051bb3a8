using Hindsight.Contextual;
using Hindsight.Contextual.Learners;
using Hindsight.Numerics;

namespace Hindsight.Evaluation;

/// <summary>
/// The replay method (Li, Chu, Langford and Wang, "Unbiased offline evaluation of contextual-bandit-based news article
/// recommendation algorithms", WSDM 2011): walk through a log collected by a uniformly random policy; at each event
/// draw the evaluated policy's action; when it matches the logged one, count the logged reward and let a learning
/// policy learn from it, otherwise skip the event. The mean counted reward is an unbiased estimate of the policy's
/// value (for a learner: of its value after as many updates), using about 1/K of the log.
/// </summary>
public static class Replay
{
    /// <summary>Replays a policy over a log.</summary>
    /// <param name="log">Events logged by a uniform policy (each label's probability should be 1/K).</param>
    /// <param name="policy">The evaluated policy; it learns from accepted events.</param>
    /// <param name="seed">Seed of the policy's action draws.</param>
    /// <returns>The estimate of the mean reward (reward = −cost), with a Student-t 95% interval over accepted events.</returns>
    /// <exception cref="ArgumentException">An event was not logged uniformly.</exception>
    public static OffPolicyEstimate Evaluate(IEnumerable<CbExample> log, IContextualLearner policy, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(policy);
        var rng = new SeededRandom(seed);
        var accepted = new List<OffPolicySample>();
        float[] pmf = new float[64];
        foreach (CbExample example in log)
        {
            if (example.Label is not { } label)
            {
                continue;
            }

            int k = example.Actions.Count;
            if (Math.Abs((label.Probability * k) - 1.0) > 1e-3)
            {
                throw new ArgumentException($"Replay needs a uniformly random log: the event at line {example.Line} has probability {label.Probability} for one of {k} actions.", nameof(log));
            }

            if (pmf.Length < k)
            {
                pmf = new float[k * 2];
            }

            policy.Predict(example, pmf);
            int chosen = Exploration.Explore.Sample(pmf.AsSpan(0, k), rng.NextDouble());

            if (chosen == label.Action)
            {
                accepted.Add(new OffPolicySample(-label.Cost, 1, 1));
                policy.Learn(example);
            }
        }

        return OffPolicyEstimators.Ips([.. accepted]) with { Estimator = "replay" };
    }
}
