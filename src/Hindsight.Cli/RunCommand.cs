using System.CommandLine;
using System.Globalization;
using Hindsight.Regret;
using Hindsight.Reports;
using Hindsight.Simulation;
using Hindsight.Specs;
using Spectre.Console;

namespace Hindsight.Cli;

/// <summary>
/// <c>hindsight run SPEC [--out DIR] [--runs N] [--horizon T] [--threads N] [--seed S]</c>: runs the experiment,
/// writes results.json, curves.csv and report.html, and prints a summary table. Ctrl-C stops a bandit experiment
/// cleanly: the finished runs are written and marked partial. The other spec kinds (groupwise, oco, game, markov,
/// preference, dueling) write their results.json and report.html when they finish; Ctrl-C ends them without output.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var spec = new Argument<string>("spec") { Description = "The YAML spec file." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: out/<experiment name>)." };
        var runs = new Option<int?>("--runs") { Description = "Replace the spec's number of runs." };
        var horizon = new Option<long?>("--horizon") { Description = "Replace the spec's horizon." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: one per core); results do not depend on it." };
        var seed = new Option<ulong?>("--seed") { Description = "Replace the spec's seed." };
        var command = new Command("run", "Run an experiment from a spec file and write its report.") { spec, output, runs, horizon, threads, seed };
        command.SetAction(parse => Execute(
            parse.GetValue(spec)!,
            parse.GetValue(output),
            new SpecOverrides(parse.GetValue(horizon), parse.GetValue(runs), parse.GetValue(seed)),
            parse.GetValue(threads),
            stdout,
            stderr,
            interactive));
        return command;
    }

    private static int Execute(string specPath, string? outDir, SpecOverrides overrides, int? threads, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        if (overrides.Runs is < 1)
        {
            return BadInput(stderr, $"--runs must be at least 1, got {overrides.Runs}.");
        }

        if (overrides.Horizon is < 1 or > SpecLoader.MaxHorizon)
        {
            return BadInput(stderr, $"--horizon must be in [1, {SpecLoader.MaxHorizon}], got {overrides.Horizon}.");
        }

        if (threads is < 1)
        {
            return BadInput(stderr, $"--threads must be at least 1, got {threads}.");
        }

        SpecDocument document;
        try
        {
            document = SpecLoader.LoadDocument(specPath, overrides);
        }
        catch (SpecException ex)
        {
            return BadInput(stderr, ex.Message);
        }

        if (document is GroupwiseSpec groupwise)
        {
            if (overrides.Horizon is not null || overrides.Runs is not null || overrides.Seed is not null || threads is not null)
            {
                return BadInput(stderr, "--horizon, --runs, --seed and --threads do not apply to a groupwise spec (one deterministic pass over its data)");
            }

            return RunGroupwise(groupwise.Study, outDir, stdout);
        }

        if (document is OcoSpec oco)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Hindsight.Oco.OcoStudy study = oco.Study;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: OCO, {study.Streams.Count} stream(s) × {study.Learners.Count} learner(s) × {study.Runs} runs × {study.Horizon:N0} rounds on a {study.DomainKind} in ℝ^{study.Domain.Dimension}"));
            Hindsight.Oco.OcoResult result;
            try
            {
                result = Hindsight.Oco.OcoRunner.Run(study, threads ?? Environment.ProcessorCount);
            }
            catch (InvalidOperationException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failure; // nothing written
            }

            IReadOnlyList<string> written = OcoReport.Write(result, outDir ?? Path.Combine("out", study.Name));
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("stream", "learner", "external regret", "dynamic regret", "adaptive regret", "exponent");
            foreach (Hindsight.Oco.OcoPairResult p in result.Pairs)
            {
                MeterResult external = p.Meters.First(m => m.Name == "external");
                table.AddRow(
                    Markup.Escape(p.Stream),
                    Markup.Escape(p.Learner),
                    Format(external.Final),
                    Format(p.Meters.First(m => m.Name == "dynamic").Final),
                    Format(p.Meters.First(m => m.Name == "adaptive").Final),
                    external.Rate?.Exponent is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—");
            }

            PlainConsole(stdout).Write(table);
            foreach (string note in result.Notes)
            {
                stdout.WriteLine($"note: {note}");
            }

            foreach (string f in written)
            {
                stdout.WriteLine($"wrote {f}");
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:0.0}s"));
            return ExitCodes.Success;
        }

        if (document is GameSpec or MarkovSpec or PreferenceSpec or DuelingSpec or RelaxSpec or ReactiveSpec)
        {
            bool runsApply = document is DuelingSpec or RelaxSpec or ReactiveSpec;
            if (document is RelaxSpec && overrides.Horizon is not null)
            {
                return BadInput(stderr, "--horizon does not apply to relax specs (the sequence's 'instances' sets its length)");
            }

            if ((overrides.Runs is not null && !runsApply) || threads is not null)
            {
                return BadInput(stderr, $"{(runsApply ? "--threads does" : "--runs and --threads do")} not apply to this spec ({(runsApply ? "runs are spread over the cores" : "one deterministic run per pair, pairs spread over the cores")})");
            }

            try
            {
                return document switch
                {
                    GameSpec game => StudyRuns.Game(game.Study, outDir, stdout),
                    MarkovSpec markov => StudyRuns.Markov(markov.Study, outDir, stdout),
                    PreferenceSpec preference => StudyRuns.Preference(preference.Experiment, outDir, stdout),
                    RelaxSpec relax => StudyRuns.Relax(relax.Study, outDir, stdout),
                    ReactiveSpec reactive => StudyRuns.Reactive(reactive.Study, outDir, stdout),
                    _ => StudyRuns.Dueling(((DuelingSpec)document).Study, outDir, stdout),
                };
            }
            catch (InvalidOperationException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failure; // a run failed before anything was written
            }
        }

        Experiment experiment = ((BanditSpec)document).Experiment;

        string directory = outDir ?? Path.Combine("out", experiment.Name);
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            if (!stop.IsCancellationRequested)
            {
                stderr.WriteLine("stopping: unfinished runs are dropped; writing the finished ones…");
                stop.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var progress = new ProgressCounter();
            var options = new RunnerOptions { Threads = threads ?? Environment.ProcessorCount, Cancellation = stop.Token, Progress = progress };
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{experiment.Name}: {experiment.Environments.Count} environment(s) × {experiment.Learners.Count} learner(s) × {experiment.Runs} runs × {experiment.Horizon:N0} rounds, {options.Threads} thread(s)"));
            Task<ExperimentResult> work = Task.Run(() => Runner.Run(experiment, options));
            if (interactive)
            {
                ShowLiveProgress(work, progress);
            }
            else
            {
                ShowPlainProgress(work, progress, stdout);
            }

            ExperimentResult result = work.GetAwaiter().GetResult();
            IReadOnlyList<string> files = ReportWriter.Write(result, directory);
            WriteSummary(result, stdout, interactive);
            foreach (string f in files)
            {
                stdout.WriteLine($"wrote {f}");
            }

            if (result.Partial)
            {
                stderr.WriteLine("partial: the experiment was stopped; the files hold only the runs that finished (results.json has \"partial\": true).");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int RunGroupwise(Hindsight.Groupwise.GroupwiseStudy study, string? outDir, TextWriter stdout)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: groupwise regret, {study.Data.Targets.Length:N0} rows, {study.Data.GroupNames.Count} groups"));
        Hindsight.Groupwise.GroupwiseEvaluation result = study.Run();
        IReadOnlyList<string> files = GroupwiseReport.Write(study, result, outDir ?? Path.Combine("out", study.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("group", "rows", "groupwise", "plain", "groupwise ≤ plain");
        foreach (Hindsight.Groupwise.GroupLosses g in result.Groups)
        {
            table.AddRow(
                Markup.Escape(g.Name),
                g.Rows.ToString("N0", CultureInfo.InvariantCulture),
                g.GroupwiseAverage.ToString("0.00000", CultureInfo.InvariantCulture),
                g.PlainAverage.ToString("0.00000", CultureInfo.InvariantCulture),
                g.Rows == 0 ? "—" : g.Groupwise <= g.Plain ? "yes" : "no");
        }

        PlainConsole(stdout).Write(table);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall: groupwise {result.GroupwiseLoss:0.00000}, plain {result.PlainLoss:0.00000}"));
        foreach (string f in files)
        {
            stdout.WriteLine($"wrote {f}");
        }

        return ExitCodes.Success;
    }

    /// <summary>A console writing plain text (no colour, no terminal width) to a writer.</summary>
    internal static IAnsiConsole PlainConsole(TextWriter stdout)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        console.Profile.Width = 160; // redirected output has no terminal width; do not wrap the table
        return console;
    }

    private static int BadInput(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }

    private static void ShowLiveProgress(Task work, ProgressCounter progress)
    {
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("rounds");
                while (!work.Wait(100))
                {
                    task.MaxValue = Math.Max(1, progress.TotalRounds);
                    task.Value = progress.Rounds;
                }

                task.MaxValue = Math.Max(1, progress.TotalRounds);
                task.Value = progress.Rounds;
            });
    }

    private static void ShowPlainProgress(Task work, ProgressCounter progress, TextWriter stdout)
    {
        int lastDecile = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!work.Wait(200))
        {
            if (progress.TotalRounds == 0)
            {
                continue;
            }

            double fraction = progress.Rounds / (double)progress.TotalRounds;
            int decile = (int)(fraction * 10);
            if (decile > lastDecile && decile < 10)
            {
                lastDecile = decile;
                double eta = clock.Elapsed.TotalSeconds * (1 - fraction) / Math.Max(fraction, 1e-9);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress {decile * 10}% ({progress.Runs}/{progress.TotalRuns} runs), eta {eta:0}s"));
            }
        }
    }

    private static void WriteSummary(ExperimentResult result, TextWriter stdout, bool interactive)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("environment", "learner");
        string[] regrets = [.. result.Experiment.Meters.Where(m => Meters.Create(m).Kind == MeterKind.Regret)];
        foreach (string r in regrets)
        {
            table.AddColumn(new TableColumn($"{r} regret").RightAligned());
        }

        table.AddColumn(new TableColumn("exponent").RightAligned());
        table.AddColumn(new TableColumn("reward").RightAligned());
        table.AddColumn(new TableColumn("switches").RightAligned());
        table.AddColumn(new TableColumn("rounds/s").RightAligned());
        foreach (PairResult p in result.Pairs)
        {
            var cells = new List<string> { Markup.Escape(p.Environment.Name), Markup.Escape(p.Learner.Name) };
            foreach (string r in regrets)
            {
                cells.Add(Format(p.Meters.First(m => m.Name == r).Final));
            }

            MeterResult? first = regrets.Length > 0 ? p.Meters.First(m => m.Name == regrets[0]) : null;
            cells.Add(first?.Rate?.Exponent is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—");
            cells.Add(Format(p.Meters.First(m => m.Name == "reward").Final));
            cells.Add(Format(p.Meters.First(m => m.Name == "switches").Final));
            cells.Add(p.RoundsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow([.. cells]);
        }

        (interactive ? AnsiConsole.Console : PlainConsole(stdout)).Write(table);
    }

    private static string Format(Statistic s)
    {
        string mean = s.Mean.ToString("0.#", CultureInfo.InvariantCulture);
        return s.High is { } hi ? $"{mean} ± {(hi - s.Mean).ToString("0.#", CultureInfo.InvariantCulture)}" : mean;
    }
}
