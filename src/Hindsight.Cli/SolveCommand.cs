using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Cli;

/// <summary>
/// <c>hindsight solve GAME.nfg [--method M] [--json]</c>: the equilibria of a game in a Gambit .nfg file. Methods:
/// <c>auto</c> (a two-player zero-sum game by linear programming, another two-player game by support enumeration when
/// small and Lemke–Howson otherwise, an n-player game's correlated equilibrium), <c>linear-programming</c>,
/// <c>support-enumeration</c>, <c>lemke-howson</c> (from every starting label), <c>correlated</c> and
/// <c>coarse-correlated</c> (the welfare-maximizing CE / CCE by LP, any number of players). A malformed file exits 2
/// naming its line and column.
/// </summary>
internal static class SolveCommand
{
    private static readonly string[] Methods = ["auto", "linear-programming", "support-enumeration", "lemke-howson", "correlated", "coarse-correlated"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("game") { Description = "A Gambit .nfg file (payoff or outcome form)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (shape in docs/results-format.md)." };
        var method = new Option<string>("--method") { Description = $"One of: {string.Join(", ", Methods)}.", DefaultValueFactory = _ => "auto" };
        method.AcceptOnlyFromAmong(Methods);
        var command = new Command("solve", "Find the equilibria of a game in a Gambit .nfg file.") { file, method, json };
        command.SetAction(parse => Execute(parse.GetValue(file)!, parse.GetValue(method)!, parse.GetValue(json), stdout, stderr));
        return command;
    }

    private static int Execute(string path, string method, bool json, TextWriter stdout, TextWriter stderr)
    {
        NormalFormGame game;
        try
        {
            game = Nfg.Read(path);
        }
        catch (NfgFormatException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot read {path}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"error: {path}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        bool zeroSum = game.IsZeroSum;
        if (method == "auto")
        {
            method = game.Players.Count != 2 ? "correlated" : NashEquilibria.Choose(game);
        }

        bool correlated = method is "correlated" or "coarse-correlated";
        if (!correlated && game.Players.Count != 2)
        {
            stderr.WriteLine($"error: {path}: {game.Players.Count} players; --method {method} solves two-player games (use --method correlated or coarse-correlated)");
            return ExitCodes.BadInput;
        }

        if (method == "linear-programming" && !zeroSum)
        {
            stderr.WriteLine($"error: {path}: not a zero-sum game; --method linear-programming solves two-player zero-sum games");
            return ExitCodes.BadInput;
        }

        List<Dictionary<string, object?>> found;
        try
        {
            found = correlated ? [Describe(game, CorrelatedSolver.Solve(game, method == "coarse-correlated"), method == "coarse-correlated")]
                : [.. NashEquilibria.Solve(game, method).Select(e => Describe(game, e))];
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"error: {path}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            var doc = new Dictionary<string, object?>
            {
                ["game"] = game.Title,
                ["players"] = game.Players.Count,
                ["zeroSum"] = zeroSum,
            };
            if (zeroSum && method == "linear-programming")
            {
                doc["value"] = found[0]["payoffs"];
            }

            doc["method"] = method;
            doc["equilibria"] = found;
            stdout.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return ExitCodes.Success;
        }

        string shape = string.Join("×", Enumerable.Range(0, game.Players.Count).Select(game.StrategyCount));
        stdout.WriteLine($"{game.Title}: {shape}, {(zeroSum ? "zero-sum" : "general-sum")}, {method}");
        if (zeroSum && method == "linear-programming")
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value {((IReadOnlyList<double>)found[0]["payoffs"]!)[0]:0.#########}"));
        }

        int number = 1;
        foreach (Dictionary<string, object?> e in found)
        {
            stdout.WriteLine($"{(correlated ? "correlated equilibrium" : "equilibrium")} {number++}:");
            var payoffs = (IReadOnlyList<double>)e["payoffs"]!;
            if (correlated)
            {
                var joint = (IReadOnlyList<double>)e["joint"]!;
                for (int p = 0; p < joint.Count; p++)
                {
                    if (joint[p] > 1e-12)
                    {
                        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({string.Join(", ", Profile(game, p))}) {joint[p]:0.#########}"));
                    }
                }

                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  payoffs {string.Join(", ", payoffs.Select(v => v.ToString("0.#########", CultureInfo.InvariantCulture)))}"));
                continue;
            }

            var strategies = (IReadOnlyList<double[]>)e["strategies"]!;
            for (int i = 0; i < game.Players.Count; i++)
            {
                string mix = string.Join(", ", strategies[i].Select((p, s) => $"{game.Strategies[i][s]} {p.ToString("0.#########", CultureInfo.InvariantCulture)}").Where((_, s) => strategies[i][s] > 0));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {game.Players[i]}: {mix}  (payoff {payoffs[i]:0.#########})"));
            }
        }

        return ExitCodes.Success;
    }

    private static Dictionary<string, object?> Describe(NormalFormGame game, Equilibrium e) => new()
    {
        ["strategies"] = e.Strategies,
        ["payoffs"] = e.Payoffs,
        ["nashGap"] = game.NashGap(e.Strategies),
    };

    private static Dictionary<string, object?> Describe(NormalFormGame game, CorrelatedEquilibrium e, bool coarse)
    {
        // The contract's `strategies` are the joint's marginals here (a correlated equilibrium is the joint itself).
        double[] joint = [.. e.Joint];
        double[][] marginals = game.Marginals(joint);
        return new()
        {
            ["strategies"] = marginals,
            ["payoffs"] = e.Payoffs,
            ["joint"] = e.Joint,
            [coarse ? "cceGap" : "ceGap"] = coarse ? game.CceGap(joint) : game.CeGap(joint),
        };
    }

    private static IEnumerable<string> Profile(NormalFormGame game, int index)
        => Enumerable.Range(0, game.Players.Count).Select(i => game.Strategies[i][game.StrategyOf(i, index)]);
}
