using System.Globalization;
using Hindsight.Dueling;
using Hindsight.Games;
using Hindsight.Preferences;
using Hindsight.Reports;
using Hindsight.Simulation;
using Spectre.Console;

namespace Hindsight.Cli;

/// <summary><c>hindsight run</c> for repeated-game, preference-learning and dueling-bandit specs: run, write the report,
/// print a summary table.</summary>
internal static class StudyRuns
{
    public static int Game(RepeatedGameStudy study, string? outDir, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: repeated play, {study.Games.Count} game(s) × {study.Learners.Count} learner(s) × {study.Horizon:N0} rounds"));
        RepeatedGameResult result = study.Run();
        IReadOnlyList<string> files = GameReport.Write(result, outDir ?? Path.Combine("out", study.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("game", "learner", "Nash gap (average)", "Nash gap (last)", "CCE gap");
        foreach (RepeatedGamePair p in result.Pairs)
        {
            SelfPlayCheckpoint f = p.Play.Checkpoints[^1];
            table.AddRow(Markup.Escape(p.Game), Markup.Escape(p.Learner), G(f.AverageNashGap), G(f.LastNashGap), G(f.CceGap));
        }

        return Finish(stdout, table, files, clock);
    }

    public static int Markov(Hindsight.Games.Markov.MarkovStudy study, string? outDir, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: independent learning in Markov games, {study.Games.Count} game(s) × {study.Learners.Count} learner(s) × {study.Iterations:N0} iterations"));
        Hindsight.Games.Markov.MarkovStudyResult result = study.Run();
        IReadOnlyList<string> files = MarkovReport.Write(result, outDir ?? Path.Combine("out", study.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("game", "learner", "Nash gap (last)", "Nash gap (average)", "CCE gap");
        foreach (Hindsight.Games.Markov.MarkovPair p in result.Pairs)
        {
            Hindsight.Games.Markov.MarkovCheckpoint f = p.Curve[^1];
            table.AddRow(Markup.Escape(p.Game), Markup.Escape(p.Learner), G(f.LastNashGap), G(f.AverageNashGap), G(f.CceGap));
        }

        return Finish(stdout, table, files, clock);
    }

    public static int Preference(PreferenceExperiment experiment, string? outDir, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{experiment.Name}: preference learning, {experiment.Learners.Count} learner(s) × {experiment.Iterations:N0} iterations, β = {experiment.Beta}"));
        PreferenceExperimentResult result = experiment.Run();
        IReadOnlyList<string> files = PreferenceReport.Write(result, outDir ?? Path.Combine("out", experiment.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("learner", "duality gap (last)", "duality gap (average)", "KL to Nash (last)", "win rate vs minimax winner");
        for (int k = 0; k < experiment.Learners.Count; k++)
        {
            PreferenceCheckpoint f = result.Curves[k][^1];
            table.AddRow(Markup.Escape(experiment.Learners[k].Name), G(f.DualityGap), G(f.AverageDualityGap), G(f.KlToNash), G(f.WinRateAgainstMinimaxWinner));
        }

        return Finish(stdout, table, files, clock);
    }

    public static int Dueling(DuelingStudy study, string? outDir, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: dueling bandits, {study.Environments.Count} environment(s) × {study.Learners.Count} learner(s) × {study.Runs} runs × {study.Horizon:N0} rounds"));
        DuelingStudyResult result = study.Run();
        IReadOnlyList<string> files = DuelingReport.Write(result, outDir ?? Path.Combine("out", study.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("environment", "learner", "Condorcet regret", "Copeland regret", "both arms a Copeland winner");
        foreach (DuelingPairResult p in result.Pairs)
        {
            MeterResult? condorcet = p.Meters.FirstOrDefault(m => m.Name == "condorcet");
            table.AddRow(
                Markup.Escape(p.Environment),
                Markup.Escape(p.Learner),
                condorcet is null ? "—" : G(condorcet.Final.Mean),
                G(p.Meters.First(m => m.Name == "copeland").Final.Mean),
                p.WinnerFraction.ToString("P1", CultureInfo.InvariantCulture));
        }

        return Finish(stdout, table, files, clock);
    }

    public static int Relax(Hindsight.Relax.RelaxStudy study, string? outDir, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Hindsight.Relax.DriftingDiffusion q = study.Sequence;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: learning to relax, {q.Count:N0} systems of size {q.GridSize}², {study.Omegas.Count} values of ω, {study.Learners.Count} tuner(s) × {study.Runs} runs"));
        Hindsight.Relax.RelaxStudyResult result = study.Run();
        IReadOnlyList<string> files = RelaxReport.Write(result, outDir ?? Path.Combine("out", study.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("policy", "total iterations", "÷ best fixed", "external regret", "dynamic regret");
        foreach (Hindsight.Relax.RelaxLearnerResult l in result.Learners)
        {
            table.AddRow(Markup.Escape(l.Learner), N(l.Total.Mean), R(l.Total.Mean / result.BestFixedTotal), N(l.External.Mean), N(l.Dynamic.Mean));
        }

        table.AddRow(Markup.Escape($"best fixed ω = {study.Omegas[result.BestFixedArm].ToString(CultureInfo.InvariantCulture)}"), N(result.BestFixedTotal), R(1), "—", "—");
        table.AddRow("instance-optimal ω", N(result.InstanceOptimalTotal), R(result.InstanceOptimalTotal / result.BestFixedTotal), "—", "—");
        if (result.GaussSeidelTotal is { } gs)
        {
            table.AddRow("Gauss–Seidel (ω = 1)", N(gs), R(gs / result.BestFixedTotal), "—", "—");
        }

        return Finish(stdout, table, files, clock);
    }

    public static int Reactive(Hindsight.Reactive.ReactiveStudy study, string? outDir, TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.Name}: reactive bandit ({study.EnvironmentKind}), {study.Learners.Count} learner(s) × {study.Horizons.Length} horizon(s) × {study.Runs} runs"));
        Hindsight.Reactive.ReactiveStudyResult result = study.Run();
        IReadOnlyList<string> files = ReactiveReport.Write(result, outDir ?? Path.Combine("out", study.Name));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("learner", "regret", $"T = {study.Horizons[^1].ToString("N0", CultureInfo.InvariantCulture)}", "exponent");
        foreach (Hindsight.Reactive.ReactiveLearnerResult l in result.Learners)
        {
            foreach (var (name, stats) in l.Regrets)
            {
                table.AddRow(Markup.Escape(l.Learner), name, G(stats[^1].Mean), l.Exponents[name] is { } e ? e.ToString("0.00", CultureInfo.InvariantCulture) : "—");
            }
        }

        return Finish(stdout, table, files, clock);
    }

    private static int Finish(TextWriter stdout, Table table, IReadOnlyList<string> files, System.Diagnostics.Stopwatch clock)
    {
        RunCommand.PlainConsole(stdout).Write(table);
        foreach (string f in files)
        {
            stdout.WriteLine($"wrote {f}");
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:0.0}s"));
        return ExitCodes.Success;
    }

    private static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
