using System.Text.Json;

namespace Hindsight.Cli.Tests;

public class SolveCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    private static string Write(string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "game.nfg");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Solve_json_has_the_contract_keys_for_a_zero_sum_game()
    {
        string rps = Write(Hindsight.Games.Nfg.Write(Hindsight.Games.Classics.RockPaperScissors()));
        var (code, stdout, stderr) = Run("solve", rps, "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("Rock-paper-scissors", doc.RootElement.GetProperty("game").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("players").GetInt32());
        Assert.True(doc.RootElement.GetProperty("zeroSum").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("value")[0].GetDouble(), 9);
        JsonElement strategies = doc.RootElement.GetProperty("equilibria")[0].GetProperty("strategies");
        Assert.All(strategies[0].EnumerateArray(), p => Assert.Equal(1.0 / 3, p.GetDouble(), 9));
    }

    [Fact]
    public void Solve_lists_every_equilibrium_of_a_general_sum_game()
    {
        string bos = Write(Hindsight.Games.Nfg.Write(Hindsight.Games.Classics.BattleOfTheSexes()));
        var (code, stdout, _) = Run("solve", bos);
        Assert.Equal(0, code);
        Assert.Contains("equilibrium 3:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("equilibrium 4:", stdout, StringComparison.Ordinal); // exactly the two pure and the mixed one
        Assert.Contains("Opera 0.666666667", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_file_exits_2_with_line_and_column()
    {
        string bad = Write("NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 oops 5 6 7 8\n");
        var (code, _, stderr) = Run("solve", bad);
        Assert.Equal(2, code);
        Assert.Contains("game.nfg:2:7: expected a payoff", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("solve", "/nonexistent/game.nfg").Code);
    }

    [Fact]
    public void Lemke_howson_and_correlated_methods_solve_and_report_their_gaps()
    {
        string chicken = Write(Hindsight.Games.Nfg.Write(Hindsight.Games.Classics.Chicken()));
        var (code, stdout, stderr) = Run("solve", chicken, "--method", "lemke-howson", "--json");
        Assert.True(code == 0, stderr);
        using (var doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal("lemke-howson", doc.RootElement.GetProperty("method").GetString());
            Assert.All(doc.RootElement.GetProperty("equilibria").EnumerateArray(), e => Assert.True(e.GetProperty("nashGap").GetDouble() <= 1e-9));
        }

        (code, stdout, stderr) = Run("solve", chicken, "--method", "correlated", "--json");
        Assert.True(code == 0, stderr);
        using (var doc = JsonDocument.Parse(stdout))
        {
            JsonElement e = doc.RootElement.GetProperty("equilibria")[0];
            Assert.Equal(4, e.GetProperty("joint").GetArrayLength());
            Assert.True(e.GetProperty("ceGap").GetDouble() <= 1e-9);
            Assert.Equal(2, e.GetProperty("strategies").GetArrayLength());
            double[] joint = [.. e.GetProperty("joint").EnumerateArray().Select(x => x.GetDouble())]; // row fastest
            double[] row = [.. e.GetProperty("strategies")[0].EnumerateArray().Select(x => x.GetDouble())];
            double[] column = [.. e.GetProperty("strategies")[1].EnumerateArray().Select(x => x.GetDouble())];
            Assert.Equal(joint[0] + joint[2], row[0], 9); // the marginals of the joint
            Assert.Equal(joint[1] + joint[3], row[1], 9);
            Assert.Equal(joint[0] + joint[1], column[0], 9);
            Assert.Equal(joint[2] + joint[3], column[1], 9);
        }
    }

    [Fact]
    public void A_three_player_game_gets_its_correlated_equilibrium_and_refuses_two_player_methods()
    {
        string game = Write(Hindsight.Games.Nfg.Write(Hindsight.Games.RandomGames.GeneralSum([2, 2, 2], 3)));
        var (code, stdout, stderr) = Run("solve", game);
        Assert.True(code == 0, stderr);
        Assert.Contains("correlated equilibrium 1:", stdout, StringComparison.Ordinal);
        (code, _, stderr) = Run("solve", game, "--method", "support-enumeration");
        Assert.Equal(2, code);
        Assert.Contains("3 players", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("solve", game, "--method", "simplex").Code);
    }
}
