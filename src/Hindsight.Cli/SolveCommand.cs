using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Cli;

/// <summary>
/// <c>hindsight solve GAME.nfg [--json]</c>: the equilibria of a two-player game — a zero-sum game by linear programming
/// (OR-Tools GLOP; the value and one equilibrium), any other by support enumeration (every equilibrium of a
/// non-degenerate game). A malformed file exits 2 naming its line and column.
/// </summary>
internal static class SolveCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("game") { Description = "A Gambit .nfg file (payoff or outcome form)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (shape in docs/results-format.md)." };
        var command = new Command("solve", "Find the Nash equilibria of a two-player game in a Gambit .nfg file.") { file, json };
        command.SetAction(parse => Execute(parse.GetValue(file)!, parse.GetValue(json), stdout, stderr));
        return command;
    }

    private static int Execute(string path, bool json, TextWriter stdout, TextWriter stderr)
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

        if (game.Players.Count != 2)
        {
            stderr.WriteLine($"error: {path}: {game.Players.Count} players; `solve` handles two-player games (n-player equilibria are not built yet)");
            return ExitCodes.BadInput;
        }

        bool zeroSum = game.IsZeroSum;
        IReadOnlyList<Equilibrium> equilibria;
        try
        {
            equilibria = zeroSum ? [ZeroSumSolver.Solve(game)] : SupportEnumeration.Solve(game);
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
            if (zeroSum)
            {
                doc["value"] = equilibria[0].Payoffs;
            }

            doc["method"] = zeroSum ? "linear-programming" : "support-enumeration";
            doc["equilibria"] = equilibria.Select(e => new { strategies = e.Strategies, payoffs = e.Payoffs, nashGap = game.NashGap(e.Strategies) }).ToList();
            stdout.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return ExitCodes.Success;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{game.Title}: {game.StrategyCount(0)}×{game.StrategyCount(1)}, {(zeroSum ? "zero-sum (linear programming)" : "general-sum (support enumeration)")}"));
        if (zeroSum)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value {equilibria[0].Payoffs[0]:0.#########}"));
        }

        int n = 1;
        foreach (Equilibrium e in equilibria)
        {
            stdout.WriteLine($"equilibrium {n++}:");
            for (int i = 0; i < 2; i++)
            {
                string mix = string.Join(", ", e.Strategies[i].Select((p, s) => $"{game.Strategies[i][s]} {p.ToString("0.#########", CultureInfo.InvariantCulture)}").Where((_, s) => e.Strategies[i][s] > 0));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {game.Players[i]}: {mix}  (payoff {e.Payoffs[i]:0.#########})"));
            }
        }

        return ExitCodes.Success;
    }
}
