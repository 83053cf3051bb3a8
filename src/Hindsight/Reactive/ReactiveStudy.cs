using Hindsight.Simulation;

namespace Hindsight.Reactive;

/// <summary>
/// A study of learners on an environment that reacts to their actions (<c>kind: reactive</c> specs): weighted tallying,
/// last-switch dependent, dynamical linear, recovering-reward and streaming bandits. Each learner runs at several
/// horizons — a separate run per horizon (policy regret is a property of the whole run), on the same random numbers
/// (seed, run) — several runs each; the regrets
/// that the environment supports are reported with 95% CIs and their growth exponent in T.
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">An optional description.</param>
/// <param name="EnvironmentKind">The environment's catalog kind.</param>
/// <param name="EnvironmentParameters">Its parameters, as given.</param>
/// <param name="Horizons">The horizons T, increasing.</param>
/// <param name="Runs">Runs per learner and horizon (seed, run 0 … Runs − 1).</param>
/// <param name="Seed">The seed.</param>
/// <param name="Learners">The learners.</param>
public sealed record ReactiveStudy(string Name, string? Description, string EnvironmentKind, IReadOnlyList<KeyValuePair<string, object?>> EnvironmentParameters, long[] Horizons, int Runs, ulong Seed, IReadOnlyList<ReactiveLearnerSetup> Learners)
{
    /// <summary>Runs every (learner, horizon, run) over the cores.</summary>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">A run failed (the first failure is the inner exception).</exception>
    public ReactiveStudyResult Run()
    {
        int perLearner = Horizons.Length * Runs;
        var outcomes = new ReactiveOutcome[Learners.Count * perLearner];
        ParallelRuns.For(outcomes.Length, k =>
        {
            int learner = k / perLearner, h = k % perLearner / Runs, run = k % Runs;
            outcomes[k] = Learners[learner].Measure(Horizons[h], Seed, run);
        });

        var results = new List<ReactiveLearnerResult>();
        for (int l = 0; l < Learners.Count; l++)
        {
            var regrets = new Dictionary<string, Statistic[]>();
            var exponents = new Dictionary<string, double?>();
            foreach (string name in ReactiveOutcome.Names)
            {
                if (outcomes[l * perLearner].Get(name) is null)
                {
                    continue;
                }

                var stats = new Statistic[Horizons.Length];
                for (int h = 0; h < Horizons.Length; h++)
                {
                    stats[h] = Statistic.Of([.. Enumerable.Range(0, Runs).Select(r => outcomes[(l * perLearner) + (h * Runs) + r].Get(name)!.Value)]);
                }

                regrets[name] = stats;
                exponents[name] = Horizons.Length < 2 ? null : RateFit.Fit(Horizons, [.. stats.Select(s => s.Mean)], Horizons[0], Horizons[^1]).Exponent;
            }

            results.Add(new ReactiveLearnerResult(Learners[l].Name, regrets, exponents));
        }

        return new ReactiveStudyResult(this, results);
    }
}
