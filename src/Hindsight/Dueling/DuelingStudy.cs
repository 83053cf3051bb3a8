using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Dueling;

/// <summary>A dueling-bandit study (<c>kind: dueling</c> specs): every learner on every environment, several runs each,
/// with Condorcet and Copeland regret (mean and 95% CI over runs) at geometric checkpoints.</summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">An optional description.</param>
/// <param name="Horizon">Rounds per run.</param>
/// <param name="Runs">Runs per pair (seeds seed, seed + 1, …).</param>
/// <param name="Seed">The first seed.</param>
/// <param name="Environments">The environments.</param>
/// <param name="Learners">The learners.</param>
public sealed record DuelingStudy(string Name, string? Description, long Horizon, int Runs, ulong Seed, IReadOnlyList<DuelingEnvironmentSetup> Environments, IReadOnlyList<DuelingLearnerSetup> Learners)
{
    /// <summary>The meters, in order.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = ["condorcet", "copeland"];

    /// <summary>Runs every pair (in parallel; results do not depend on the threads).</summary>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">A run failed (the first failure is the inner exception).</exception>
    public DuelingStudyResult Run()
    {
        long[] checkpoints = Checkpoints.Geometric(Horizon, 30);
        int pairs = Environments.Count * Learners.Count;
        var runs = new IReadOnlyList<DuelingCheckpoint>[pairs * Runs];
        ParallelRuns.For(runs.Length, k =>
        {
            int pair = k / Runs, run = k % Runs;
            DuelingEnvironment env = Environments[pair / Learners.Count].Environment;
            runs[k] = DuelingRun.Run(env, Learners[pair % Learners.Count].Create(env.Arms), checkpoints, Seed + (ulong)run);
        });

        var results = new List<DuelingPairResult>();
        for (int pair = 0; pair < pairs; pair++)
        {
            var meters = new List<MeterResult>();
            bool condorcet = Environments[pair / Learners.Count].Environment.CondorcetWinner is not null;
            foreach (string meter in MeterNames)
            {
                if (meter == "condorcet" && !condorcet)
                {
                    continue;
                }

                meters.Add(MeterResult.OverRuns(meter, MeterKind.Regret, checkpoints, Runs, (r, c) =>
                {
                    DuelingCheckpoint point = runs[(pair * Runs) + r][c];
                    return meter == "condorcet" ? point.CondorcetRegret : point.CopelandRegret;
                }));
            }

            double winner = Enumerable.Range(0, Runs).Average(r => runs[(pair * Runs) + r][^1].WinnerFraction);
            results.Add(new DuelingPairResult(Environments[pair / Learners.Count].Name, Learners[pair % Learners.Count].Name, meters, winner));
        }

        return new DuelingStudyResult(this, checkpoints, results);
    }
}
