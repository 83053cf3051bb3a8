using System.Diagnostics;
using Hindsight.Oco.Environments;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Oco;

/// <summary>
/// Runs OCO studies: each learner plays each stream (it sees only gradients at its points) and three regrets are
/// measured against comparators computed on the realized losses.
/// <list type="bullet">
/// <item><b>external</b>: Σₜ fₜ(xₜ) − min_{x∈K} Σₜ fₜ(x) (Zinkevich 2003), the minimum from <see cref="ILossWindow"/>.</item>
/// <item><b>dynamic</b>: Σₜ fₜ(xₜ) − Σₜ min_{x∈K} fₜ(x), against the per-round minimizers (Zinkevich 2003; Besbes, Gur
/// and Zeevi 2015).</item>
/// <item><b>adaptive</b>: max over intervals I of Σ_{t∈I} fₜ(xₜ) − min_{x∈K} Σ_{t∈I} fₜ(x) (Hazan and Seshadhri,
/// ICML 2009), over the geometric covering intervals [i·2ᵏ + 1, (i + 1)·2ᵏ] (Daniely, Gonen and Shalev-Shwartz, ICML
/// 2015) — every interval is covered by O(log T) of them, so this is adaptive regret up to that factor.</item>
/// </list>
/// Runs are independent and their results summed in run order, so results do not depend on the thread count.
/// </summary>
public static class OcoRunner
{
    /// <summary>The meters, in the order results list them.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = ["external", "dynamic", "adaptive"];

    /// <summary>For streams whose interval minimum needs a solver, only the five longest covering levels are used
    /// (intervals of at least 2^(⌊log₂ T⌋ − 4) rounds, between T/32 and T/16: at most 62 solves).</summary>
    private const int SolverLevels = 5;

    /// <summary>Runs a study.</summary>
    /// <param name="study">The study.</param>
    /// <param name="threads">Worker threads ≥ 1.</param>
    /// <returns>The results.</returns>
    public static OcoResult Run(OcoStudy study, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(study);
        long[] checkpoints = Checkpoints.Geometric(study.Horizon);
        int pairs = study.Streams.Count * study.Learners.Count;
        int items = pairs * study.Runs;
        int stride = MeterNames.Count * checkpoints.Length;
        double[] records = new double[(long)items * stride];
        long[] ticks = new long[items];
        ParallelRuns.For(items, item =>
        {
            int pair = item / study.Runs;
            int run = item % study.Runs;
            OcoStreamSetup stream = study.Streams[pair / study.Learners.Count];
            OcoLearnerSetup learner = study.Learners[pair % study.Learners.Count];
            IOcoLearner policy = learner.Create(study.Domain, stream.Stream);
            long start = Stopwatch.GetTimestamp();
            Play(policy, stream.Stream.Start(study.Seed, run), study.Domain, study.Horizon, checkpoints,
                Runner.LearnerSeed(study.Seed, run, learner.Name), records.AsSpan((int)((long)item * stride), stride));
            ticks[item] = Stopwatch.GetTimestamp() - start;
        }, Math.Max(1, threads));

        var results = new List<OcoPairResult>();
        for (int pair = 0; pair < pairs; pair++)
        {
            var meters = new List<MeterResult>();
            for (int m = 0; m < MeterNames.Count; m++)
            {
                int origin = m * checkpoints.Length;
                meters.Add(MeterResult.OverRuns(MeterNames[m], MeterKind.Regret, checkpoints, study.Runs, (r, c) => records[((long)((pair * study.Runs) + r) * stride) + origin + c]));
            }

            double seconds = Enumerable.Range(pair * study.Runs, study.Runs).Sum(i => ticks[i]) / (double)Stopwatch.Frequency;
            results.Add(new OcoPairResult(
                study.Streams[pair / study.Learners.Count].Name,
                study.Learners[pair % study.Learners.Count].Name,
                meters,
                seconds > 0 ? study.Runs * study.Horizon / seconds : 0));
        }

        var notes = new List<string>();
        foreach (OcoStreamSetup s in study.Streams.Where(s => s.Stream is RegressionLosses))
        {
            var regression = (RegressionLosses)s.Stream;
            if (regression.Loss is PredictionLoss.Absolute or PredictionLoss.Hinge)
            {
                notes.Add($"{s.Name}: the best fixed point for {regression.Loss.ToString().ToLowerInvariant()} loss is found through a smoothed surrogate (μ = 1e-4): external and adaptive regret may be understated by at most n·μ/2 over n rows.");
            }

            long shortest = 1L << Math.Max(0, (int)Math.Floor(Math.Log2(study.Horizon)) - (SolverLevels - 1));
            notes.Add($"{s.Name}: adaptive regret covers intervals of at least {shortest} rounds (each interval's comparator needs a solver).");
        }

        return new OcoResult(study, checkpoints, results, notes);
    }

    /// <summary>Plays one run; records external, dynamic and adaptive regret at each checkpoint (meter-major).</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="losses">The run's realization.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="horizon">T.</param>
    /// <param name="checkpoints">Increasing rounds ending at T.</param>
    /// <param name="seed">The learner's seed.</param>
    /// <param name="record">Receives 3 × checkpoints values.</param>
    public static void Play(IOcoLearner learner, IOcoRun losses, IConvexDomain domain, long horizon, ReadOnlySpan<long> checkpoints, ulong seed, Span<double> record)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(domain);
        int d = domain.Dimension;
        learner.Reset(seed);
        double[] x = new double[d], g = new double[d];
        ILossWindow all = losses.NewWindow();
        bool exact = all.IsExact;
        int levels = 0;
        while ((1L << levels) <= horizon)
        {
            levels++;
        }

        int lowest = exact ? 0 : Math.Max(0, levels - SolverLevels);
        var windows = new ILossWindow[levels];
        double[] learnerOnWindow = new double[levels];
        for (int k = lowest; k < levels; k++)
        {
            windows[k] = losses.NewWindow();
        }

        double cumulative = 0, dynamic = 0, adaptive = double.NegativeInfinity;
        int c = 0, n = checkpoints.Length;
        for (long t = 1; t <= horizon; t++)
        {
            learner.Predict(x);
            double loss = losses.Loss(t, x);
            losses.Gradient(t, x, g);
            learner.Update(g);
            cumulative += loss;
            dynamic += loss - losses.RoundMinimum(t, domain);
            all.Add(t);
            for (int k = lowest; k < levels; k++)
            {
                windows[k].Add(t);
                learnerOnWindow[k] += loss;
                if (t % (1L << k) == 0)
                {
                    adaptive = Math.Max(adaptive, learnerOnWindow[k] - windows[k].Minimum(domain));
                    windows[k].Clear();
                    learnerOnWindow[k] = 0;
                }
            }

            if (t == checkpoints[c])
            {
                record[c] = cumulative - all.Minimum(domain);
                record[n + c] = dynamic;
                record[(2 * n) + c] = double.IsNegativeInfinity(adaptive) ? 0 : adaptive;
                c++;
            }
        }
    }
}
