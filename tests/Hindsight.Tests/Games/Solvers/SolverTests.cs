using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Tests.Games.Solvers;

public class SolverTests
{
    [Fact]
    public void Rock_paper_scissors_has_value_zero_and_uniform_strategies()
    {
        Equilibrium e = ZeroSumSolver.Solve(Classics.RockPaperScissors());
        Assert.Equal(0, e.Payoffs[0], 9);
        Assert.All(e.Strategies, s => Assert.All(s, p => Assert.Equal(1.0 / 3, p, 9)));
    }

    [Fact]
    public void Matching_pennies_is_half_and_half()
    {
        Equilibrium e = ZeroSumSolver.Solve(Classics.MatchingPennies());
        Assert.Equal(0, e.Payoffs[0], 9);
        Assert.All(e.Strategies, s => Assert.All(s, p => Assert.Equal(0.5, p, 9)));
    }

    [Fact]
    public void Random_zero_sum_games_are_solved_to_a_nash_gap_of_1e_minus_9()
    {
        for (ulong seed = 1; seed <= 30; seed++)
        {
            NormalFormGame game = RandomGames.ZeroSum(10, 10, seed);
            Equilibrium e = ZeroSumSolver.Solve(game);
            double gap = game.NashGap(e.Strategies);
            Assert.True(gap <= 1e-9, $"seed {seed}: Nash gap {gap}");
            Assert.Equal(-e.Payoffs[0], e.Payoffs[1], 9);
        }

        NormalFormGame wide = RandomGames.ZeroSum(4, 9, 3); // non-square too
        Assert.True(wide.NashGap(ZeroSumSolver.Solve(wide).Strategies) <= 1e-9);
    }

    [Fact]
    public void Shapleys_game_has_one_equilibrium_uniform()
    {
        Equilibrium e = Assert.Single(SupportEnumeration.Solve(Classics.Shapley()));
        Assert.All(e.Strategies, s => Assert.All(s, p => Assert.Equal(1.0 / 3, p, 9)));
    }

    [Theory]
    [InlineData("prisoners-dilemma", 1)]
    [InlineData("stag-hunt", 3)]
    [InlineData("battle-of-the-sexes", 3)]
    [InlineData("chicken", 3)]
    [InlineData("rock-paper-scissors", 1)]
    [InlineData("matching-pennies", 1)]
    public void Support_enumeration_finds_the_textbook_equilibria(string name, int count)
    {
        NormalFormGame game = Classics.ByName[name]();
        IReadOnlyList<Equilibrium> all = SupportEnumeration.Solve(game);
        Assert.Equal(count, all.Count);
        Assert.All(all, e => Assert.True(game.NashGap(e.Strategies) <= 1e-9));
    }

    [Fact]
    public void Battle_of_the_sexes_mixed_equilibrium_is_two_thirds()
    {
        Equilibrium mixed = SupportEnumeration.Solve(Classics.BattleOfTheSexes()).Single(e => e.Strategies[0][0] is > 0 and < 1);
        Assert.Equal(2.0 / 3, mixed.Strategies[0][0], 9);
        Assert.Equal(1.0 / 3, mixed.Strategies[1][0], 9);
    }

    [Fact]
    public void Random_general_sum_equilibria_pass_the_best_response_check()
    {
        for (ulong seed = 1; seed <= 10; seed++)
        {
            NormalFormGame game = RandomGames.GeneralSum(5, 5, seed);
            IReadOnlyList<Equilibrium> all = SupportEnumeration.Solve(game);
            Assert.True(all.Count % 2 == 1, $"seed {seed}: a non-degenerate game has an odd number of equilibria, found {all.Count}");
            Assert.All(all, e => Assert.True(game.NashGap(e.Strategies) <= 1e-9));
        }
    }

    [Fact]
    public void A_degenerate_game_gets_the_same_answer_whatever_the_thread_solved_before()
    {
        // Rows 0 and 1 are equal, so the row player has a continuum of optimal strategies; the model is reused per thread,
        // so without a reset the previous game's basis would pick among them.
        NormalFormGame degenerate = NormalFormGame.ZeroSum("tie", new double[,] { { 1, -1, 0 }, { 1, -1, 0 }, { -1, 1, 0.5 } });
        Equilibrium first = ZeroSumSolver.Solve(degenerate);
        _ = ZeroSumSolver.Solve(RandomGames.ZeroSum(3, 3, 11));
        Equilibrium again = ZeroSumSolver.Solve(degenerate);
        Assert.Equal(first.Strategies[0], again.Strategies[0]);
        Assert.Equal(first.Strategies[1], again.Strategies[1]);
    }
}
