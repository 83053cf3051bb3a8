using Hindsight.Games;

namespace Hindsight.Tests.Games;

public class NfgTests
{
    [Fact]
    public void Writing_then_reading_gives_the_same_game()
    {
        foreach (var make in Classics.ByName.Values)
        {
            NormalFormGame game = make();
            NormalFormGame back = Nfg.Parse(Nfg.Write(game));
            Assert.Equal(game.Title, back.Title);
            Assert.Equal(game.Strategies, back.Strategies);
            for (int k = 0; k < game.Profiles; k++)
            {
                Assert.Equal(game.Payoff(0, k), back.Payoff(0, k));
                Assert.Equal(game.Payoff(1, k), back.Payoff(1, k));
            }
        }
    }

    [Fact]
    public void Reads_gambits_payoff_and_outcome_forms()
    {
        // Payoff form with counts (player 1 fastest) and a rational; outcome form with names and a null outcome.
        NormalFormGame a = Nfg.Parse("NFG 1 R \"PD\" { \"A\" \"B\" } { 2 2 }\n\n3 3 5 0 0 5 1/2 1\n");
        Assert.Equal(5, a.Payoff(0, 1, 0));
        Assert.Equal(0.5, a.Payoff(0, 1, 1));
        NormalFormGame b = Nfg.Parse("""
            NFG 1 R "Outcomes" { "P1" "P2" }
            { { "U" "D" } { "L" "R" } }
            "a comment"
            { { "win" 1 -1 } { "lose" -1 1 } }
            1 2 0 1
            """);
        Assert.Equal(["U", "D"], b.Strategies[0]);
        Assert.Equal(-1, b.Payoff(0, 1, 0));
        Assert.Equal(0, b.Payoff(1, 0, 1));
        Assert.True(b.Payoff(0, 1, 1) == 1);
    }

    [Theory]
    [InlineData("NFX 1 R \"t\" { \"A\" } { 2 }\n1 2\n", 1, 1, "expected 'NFG'")]
    [InlineData("NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 4 5 6 7\n", 3, 1, "the payoff list ends early")]
    [InlineData("NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 x 5 6 7 8\n", 2, 7, "expected a payoff")]
    [InlineData("NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 4 5 6 7 8 9\n", 2, 17, "unexpected '9' after the last payoff")]
    [InlineData("NFG 1 R \"t\" { \"A\" \"B\" } { 2 }\n1 2\n", 1, 29, "2 players but 1 strategy lists")]
    [InlineData("NFG 1 R \"t\" { \"A\" } { 0 }\n", 1, 23, "expected a strategy count ≥ 1")]
    [InlineData("NFG 1 R \"t\" { \"A\" \"B\" \"C\" \"D\" \"E\" } { 100000 100000 100000 100000 100000 }\n", 1, 74, "more than 50,000,000 pure profiles")] // 10²⁵: would overflow a long
    public void Malformed_files_name_the_line_and_column(string text, int line, int column, string message)
    {
        var ex = Assert.Throws<NfgFormatException>(() => Nfg.Parse(text, "game.nfg"));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"game.nfg:{line}:{column}: ", ex.Message, StringComparison.Ordinal);
    }
}
