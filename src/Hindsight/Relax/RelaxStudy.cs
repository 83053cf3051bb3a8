using Hindsight.Simulation;

namespace Hindsight.Relax;

/// <summary>
/// A learning-to-relax study (<c>kind: relax</c> specs): a drifting sequence of linear systems, SOR with an ω from a
/// grid, and tuners that see only iteration counts — compared with the best fixed ω and the instance-optimal ω on
/// the same instances ("Learning to Relax", Khodak, Chow, Balcan and Talwalkar, ICLR 2024).
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">An optional description.</param>
/// <param name="Sequence">The instances.</param>
/// <param name="SequenceKind">The sequence's catalog kind.</param>
/// <param name="SequenceParameters">Its parameters, as given.</param>
/// <param name="Omegas">The ω grid, increasing, each in (0, 2).</param>
/// <param name="Tolerance">SOR's relative-residual tolerance.</param>
/// <param name="MaxIterations">SOR's cap (a solve that reaches it costs the cap).</param>
/// <param name="Runs">Runs per tuner (seeds seed, seed + 1, …).</param>
/// <param name="Seed">The first seed.</param>
/// <param name="Learners">The tuners.</param>
public sealed record RelaxStudy(string Name, string? Description, DriftingDiffusion Sequence, string SequenceKind, IReadOnlyList<KeyValuePair<string, object?>> SequenceParameters, IReadOnlyList<double> Omegas, double Tolerance, int MaxIterations, int Runs, ulong Seed, IReadOnlyList<RelaxLearnerSetup> Learners)
{
    /// <summary>Fills the cost table (instances over the cores), then runs every tuner on it.</summary>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">A solve or run failed (the first failure is the inner exception).</exception>
    public RelaxStudyResult Run()
    {
        var costs = new SorCosts(Sequence.Instance, Tolerance, MaxIterations);
        CostTable table = CostTable.Sweep(Sequence.Count, Omegas.Count, (t, row) => costs.Fill(t, Omegas, row));
        long[] checkpoints = Checkpoints.Geometric(Sequence.Count, 30);
        var runs = new TuningRun[Learners.Count * Runs];
        ParallelRuns.For(runs.Length, k =>
        {
            IParameterTuner tuner = Learners[k / Runs].Create(Omegas.Count);
            runs[k] = ParameterTuning.Run(tuner, table, t => [Sequence.Shift(t)], Seed + (ulong)(k % Runs));
        });

        var results = new List<RelaxLearnerResult>();
        for (int l = 0; l < Learners.Count; l++)
        {
            TuningRun[] mine = runs[(l * Runs)..((l + 1) * Runs)];
            double[] totals = [.. mine.Select(r => r.Total)];
            double[] cumulative = Cumulative(checkpoints, t => mine.Average(r => r.Costs[t]));
            results.Add(new RelaxLearnerResult(
                Learners[l].Name,
                totals,
                Statistic.Of(totals),
                Statistic.Of([.. mine.Select(r => TuningRegret.External(r, table))]),
                Statistic.Of([.. mine.Select(r => TuningRegret.Dynamic(r, table))]),
                cumulative));
        }

        return new RelaxStudyResult(this, table, checkpoints, results);
    }

    /// <summary>Σ of a per-instance cost over the first c instances, for each checkpoint c.</summary>
    internal static double[] Cumulative(long[] checkpoints, Func<int, double> cost)
    {
        var result = new double[checkpoints.Length];
        double sum = 0;
        int t = 0;
        for (int c = 0; c < checkpoints.Length; c++)
        {
            for (; t < checkpoints[c]; t++)
            {
                sum += cost(t);
            }

            result[c] = sum;
        }

        return result;
    }
}
