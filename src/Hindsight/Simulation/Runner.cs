using System.Diagnostics;
using Hindsight.Bandits;
using System.Numerics.Tensors;
using Hindsight.Contextual;
using Hindsight.Experts;
using Hindsight.Numerics;
using Hindsight.Regret;

namespace Hindsight.Simulation;

/// <summary>
/// Runs experiments: every (environment, learner, run) in parallel over worker threads, deterministically.
/// A run's rewards depend only on (seed, run, round, arm) and its learner's randomness only on (seed, run,
/// learner name), and aggregates are summed in run order, so results do not depend on the thread count.
/// </summary>
public static class Runner
{
    private const long CancellationCheckMask = (1 << 16) - 1;

    /// <summary>The seed of a learner's own random stream in one run.</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="learnerName">The learner's name in the experiment.</param>
    /// <returns>The seed passed to <see cref="IBanditPolicy.Reset"/>.</returns>
    public static ulong LearnerSeed(ulong seed, long run, string learnerName)
        => CounterRng.Key(seed, run, CounterRng.Hash("learner/" + learnerName));

    /// <summary>Runs an experiment.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="options">Threads, cancellation and progress (defaults when null).</param>
    /// <returns>The aggregated results (partial when cancelled).</returns>
    public static ExperimentResult Run(Experiment experiment, RunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        options ??= new RunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(experiment.Horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(experiment.Runs, 1);
        long[] others = [.. (experiment.Horizons ?? []).Where(h => h != experiment.Horizon).Distinct().Order()];
        if (others.Length == 0)
        {
            return RunAt(experiment, options, countRounds: true);
        }

        foreach (long h in others)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(h, 1);
        }

        ProgressCounter? progress = options.Progress;
        long items = (long)experiment.Environments.Count * experiment.Learners.Count * experiment.Runs;
        if (progress is not null)
        {
            progress.TotalRounds = items * (experiment.Horizon + others.Sum());
            progress.TotalRuns = items * (others.Length + 1);
        }

        var results = new List<ExperimentResult>();
        foreach (long h in others)
        {
            ExperimentResult r = RunAt(experiment with { Horizon = h, Horizons = null }, options, countRounds: false);
            if (r.Partial)
            {
                return r with { Notes = [.. r.Notes, $"The horizon sweep was stopped at T = {h}: no result at the spec's horizon {experiment.Horizon}."] };
            }

            results.Add(r);
        }

        ExperimentResult main = RunAt(experiment, options, countRounds: false);
        results.Add(main);
        results.Sort((a, b) => a.Experiment.Horizon.CompareTo(b.Experiment.Horizon));
        return main.Partial ? main : main with { Sweep = HorizonSweep.From(results, main) };
    }

    private static ExperimentResult RunAt(Experiment experiment, RunnerOptions options, bool countRounds)
    {
        foreach (EnvironmentSetup env in experiment.Environments)
        {
            if (experiment.Horizon > env.Environment.MaxHorizon)
            {
                throw new ArgumentException($"Environment '{env.Name}' has {env.Environment.MaxHorizon} rounds; the horizon is {experiment.Horizon}.");
            }

            (env.Environment as IHorizonAware)?.Prepare(experiment.Horizon);
        }

        long[] checkpoints = Checkpoints.Geometric(experiment.Horizon);
        int meterCount = experiment.Meters.Count;
        int pairs = experiment.Environments.Count * experiment.Learners.Count;
        int runs = experiment.Runs;
        int items = pairs * runs;
        int stride = meterCount * checkpoints.Length;
        double[] records = new double[(long)items * stride];
        bool[] completed = new bool[items];
        long[] starts = new long[items];
        long[] ends = new long[items];
        ProgressCounter? progress = options.Progress;
        if (progress is not null && countRounds)
        {
            progress.TotalRounds = items * experiment.Horizon;
            progress.TotalRuns = items;
        }

        int next = 0;
        Exception? failure = null;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        CancellationToken token = failed.Token;

        void Work()
        {
            while (!token.IsCancellationRequested)
            {
                int item = Interlocked.Increment(ref next) - 1;
                if (item >= items)
                {
                    return;
                }

                int pair = item / runs;
                int run = item % runs;
                EnvironmentSetup env = experiment.Environments[pair / experiment.Learners.Count];
                LearnerSetup learner = experiment.Learners[pair % experiment.Learners.Count];
                try
                {
                    IBanditPolicy policy = learner.Create(env.Environment.Arms);
                    policy.Reset(LearnerSeed(experiment.Seed, run, learner.Name));
                    (policy as IHorizonAware)?.Prepare(experiment.Horizon);
                    IBanditOracle oracle = env.Environment.Start(experiment.Seed, run);
                    BanditMeter[] meters = [.. experiment.Meters.Select(m => Meters.Create(m, experiment.SwitchingCost))];
                    starts[item] = Stopwatch.GetTimestamp();
                    bool done = Play(policy, oracle, meters, experiment.Horizon, checkpoints, records.AsSpan(item * stride, stride), token, progress, learner.Name);
                    ends[item] = Stopwatch.GetTimestamp();
                    completed[item] = done;
                    if (done)
                    {
                        progress?.AddRun();
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                    failed.Cancel();
                    return;
                }
            }
        }

        int threads = Math.Clamp(options.Threads, 1, Math.Max(1, items));
        var workers = new Thread[threads - 1];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(Work) { IsBackground = true, Name = $"hindsight-worker-{i + 1}" };
            workers[i].Start();
        }

        Work();
        foreach (Thread w in workers)
        {
            w.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"A run failed: {failure.Message}", failure);
        }

        return Aggregate(experiment, checkpoints, records, completed, starts, ends);
    }

    /// <summary>
    /// Plays one run: the learner sees only the reward of the arm it pulled; the meters read the oracle view.
    /// Records each meter at each checkpoint into <paramref name="record"/> (meter-major).
    /// </summary>
    /// <param name="policy">The learner, already reset.</param>
    /// <param name="oracle">The run's environment realization.</param>
    /// <param name="meters">The meters (started here).</param>
    /// <param name="horizon">Rounds to play.</param>
    /// <param name="checkpoints">Increasing rounds ending at the horizon.</param>
    /// <param name="record">Receives meters × checkpoints values.</param>
    /// <param name="cancellation">Stops the run (checked at checkpoints and every 65 536 rounds).</param>
    /// <param name="progress">Counts played rounds (may be null).</param>
    /// <param name="learnerName">For error messages.</param>
    /// <returns>True when the run reached the horizon; false when cancelled.</returns>
    public static bool Play(
        IBanditPolicy policy,
        IBanditOracle oracle,
        BanditMeter[] meters,
        long horizon,
        ReadOnlySpan<long> checkpoints,
        Span<double> record,
        CancellationToken cancellation,
        ProgressCounter? progress = null,
        string learnerName = "learner")
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(meters);
        foreach (BanditMeter m in meters)
        {
            m.Start(oracle);
        }

        var book = new RoundBookkeeping(meters, horizon, checkpoints, record, cancellation, progress);
        if (policy is IExpertsPolicy experts)
        {
            return PlayFullInformation(experts, oracle, horizon, ref book, learnerName);
        }

        if (policy is IContextualPolicy contextual && oracle is IContextProvider contexts)
        {
            return PlayContextual(contextual, oracle, contexts, horizon, ref book, learnerName);
        }

        // A learner that buys observations looks at other arms of the same round, after its update, through a channel
        // that refuses looks past its declared budget.
        var budgeted = policy as IBudgetedFeedbackPolicy;
        ObservationChannel? channel = budgeted is null ? null : new ObservationChannel(oracle, budgeted.ObservationBudget);
        int arms = oracle.Arms;
        for (long t = 1; t <= horizon; t++)
        {
            int arm = policy.Choose();
            if ((uint)arm >= (uint)arms)
            {
                throw new InvalidOperationException($"Learner '{learnerName}' chose arm {arm} at round {t}; valid arms are 0..{arms - 1}.");
            }

            double reward = oracle.Reward(t, arm);
            policy.Update(arm, reward);
            if (channel is not null)
            {
                channel.Begin(t);
                budgeted!.Observe(channel);
            }

            if (!book.After(t, arm, reward))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The full-information loop: the learner plays a distribution pₜ, then sees every arm's reward rₜ. Its reward is
    /// ⟨pₜ, rₜ⟩ (so external regret is the experts' regret Σ⟨pₜ, ℓₜ⟩ − minᵢ Lₜ,ᵢ); the arm recorded for count meters is
    /// the distribution's mode (the lowest index among ties).
    /// </summary>
    private static bool PlayFullInformation(IExpertsPolicy policy, IBanditOracle oracle, long horizon, ref RoundBookkeeping book, string learnerName)
    {
        int arms = oracle.Arms;
        if (policy.Arms != arms)
        {
            throw new InvalidOperationException($"Learner '{learnerName}' has {policy.Arms} experts; the environment has {arms} arms.");
        }

        double[] p = new double[arms];
        double[] rewards = new double[arms];
        for (long t = 1; t <= horizon; t++)
        {
            policy.Distribution(p);
            for (int a = 0; a < arms; a++)
            {
                rewards[a] = oracle.Reward(t, a);
            }

            double mixture = TensorPrimitives.Dot<double>(p, rewards);
            int mode = TensorPrimitives.IndexOfMax<double>(p);
            if (!double.IsFinite(mixture))
            {
                throw new InvalidOperationException($"Learner '{learnerName}' played a distribution that is not finite at round {t}.");
            }

            policy.Observe(rewards);
            if (!book.After(t, mode, mixture))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The contextual loop: the learner sees the round's context (never the means), then the pulled arm's reward.</summary>
    private static bool PlayContextual(IContextualPolicy policy, IBanditOracle oracle, IContextProvider contexts, long horizon, ref RoundBookkeeping book, string learnerName)
    {
        int arms = oracle.Arms;
        int dimension = contexts.Dimension;
        Span<double> context = dimension <= 512 ? stackalloc double[dimension] : new double[dimension];
        for (long t = 1; t <= horizon; t++)
        {
            contexts.Context(t, context);
            int arm = policy.Choose(context);
            if ((uint)arm >= (uint)arms)
            {
                throw new InvalidOperationException($"Learner '{learnerName}' chose arm {arm} at round {t}; valid arms are 0..{arms - 1}.");
            }

            double reward = oracle.Reward(t, arm);
            policy.Update(context, arm, reward);
            if (!book.After(t, arm, reward))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What every round of a run does after the learner has played: meters, checkpoints, progress, cancellation.</summary>
    private ref struct RoundBookkeeping(
        BanditMeter[] meters,
        long horizon,
        ReadOnlySpan<long> checkpoints,
        Span<double> record,
        CancellationToken cancellation,
        ProgressCounter? progress)
    {
        private readonly ReadOnlySpan<long> _checkpoints = checkpoints;
        private readonly Span<double> _record = record;
        private int _cp;
        private long _next = checkpoints[0];
        private long _reported;

        /// <summary>Records round t; false when the run must stop (cancelled).</summary>
        public bool After(long t, int arm, double reward)
        {
            for (int m = 0; m < meters.Length; m++)
            {
                meters[m].Observe(t, arm, reward);
            }

            if (t == _next)
            {
                for (int m = 0; m < meters.Length; m++)
                {
                    _record[(m * _checkpoints.Length) + _cp] = meters[m].Value;
                }

                _cp++;
                _next = _cp < _checkpoints.Length ? _checkpoints[_cp] : long.MaxValue;
            }

            if ((t & CancellationCheckMask) == 0 || t == horizon)
            {
                progress?.AddRounds(t - _reported);
                _reported = t;
                if (t < horizon && cancellation.IsCancellationRequested)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static ExperimentResult Aggregate(Experiment experiment, long[] checkpoints, double[] records, bool[] completed, long[] starts, long[] ends)
    {
        int runs = experiment.Runs;
        int meterCount = experiment.Meters.Count;
        int stride = meterCount * checkpoints.Length;
        var pairs = new List<PairResult>();
        var notes = new List<string>();
        bool partial = false;
        int pairCount = experiment.Environments.Count * experiment.Learners.Count;
        for (int pair = 0; pair < pairCount; pair++)
        {
            EnvironmentSetup env = experiment.Environments[pair / experiment.Learners.Count];
            LearnerSetup learner = experiment.Learners[pair % experiment.Learners.Count];
            var done = new List<int>();
            long first = long.MaxValue, last = long.MinValue, cpuTicks = 0;
            for (int run = 0; run < runs; run++)
            {
                int item = (pair * runs) + run;
                if (!completed[item])
                {
                    continue;
                }

                done.Add(item);
                first = Math.Min(first, starts[item]);
                last = Math.Max(last, ends[item]);
                cpuTicks += ends[item] - starts[item];
            }

            if (done.Count < runs)
            {
                partial = true;
            }

            if (done.Count == 0)
            {
                notes.Add($"{env.Name} × {learner.Name}: no run finished before the experiment was stopped.");
                continue;
            }

            var meters = new List<MeterResult>(meterCount);
            for (int m = 0; m < meterCount; m++)
            {
                string name = experiment.Meters[m];
                MeterKind kind = Regret.Meters.Create(name).Kind;
                int origin = m * checkpoints.Length;
                MeterResult meter = MeterResult.OverRuns(name, kind, checkpoints, done.Count, (i, c) => records[((long)done[i] * stride) + origin + c]);
                RateFit? rate = meter.Rate;
                if (rate is { Exponent: null })
                {
                    notes.Add($"{env.Name} × {learner.Name}: {name} regret rate is null: fewer than two checkpoints in [{rate.Value.From}, {rate.Value.To}] have positive mean regret.");
                }

                meters.Add(meter);
            }

            double seconds = (last - first) / (double)Stopwatch.Frequency;
            double cpuSeconds = cpuTicks / (double)Stopwatch.Frequency;
            double rps = cpuSeconds > 0 ? done.Count * (double)experiment.Horizon / cpuSeconds : 0.0;
            pairs.Add(new PairResult(env, learner, done.Count, meters, seconds, rps));
        }

        if (pairs.Any(p => p.RunsCompleted < 2))
        {
            notes.Add("sd and ci95 are null where a pair has fewer than two completed runs: they need at least two.");
        }

        if (partial)
        {
            notes.Insert(0, "partial: the experiment was stopped before every run finished; unfinished runs are left out and runsCompleted says how many each pair has.");
        }

        return new ExperimentResult(experiment, checkpoints, pairs, partial, notes);
    }
}
