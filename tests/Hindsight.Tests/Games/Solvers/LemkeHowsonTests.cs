using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Tests.Games.Solvers;

public class LemkeHowsonTests
{
    [Fact]
    public void Every_label_reaches_an_equilibrium_of_random_general_sum_games_that_support_enumeration_also_finds()
    {
        for (ulong seed = 1; seed <= 20; seed++)
        {
            NormalFormGame game = RandomGames.GeneralSum(5, 6, seed);
            IReadOnlyList<Equilibrium> all = SupportEnumeration.Solve(game);
            for (int label = 0; label < 11; label++)
            {
                Equilibrium e = LemkeHowson.Solve(game, label);
                Assert.True(game.NashGap(e.Strategies) <= 1e-9, $"seed {seed}, label {label}: gap {game.NashGap(e.Strategies)}");
                Assert.Contains(all, f => f.Strategies.Zip(e.Strategies).All(p => p.First.Zip(p.Second).All(v => Math.Abs(v.First - v.Second) <= 1e-7)));
            }
        }
    }

    [Fact]
    public void Battle_of_the_sexes_from_every_label_finds_its_pure_equilibria()
    {
        // Three equilibria: two pure, one mixed. Paths from the artificial equilibrium (0, 0) end only at equilibria of
        // index +1 (Shapley 1974); here those are the two pure ones, and the mixed one (index −1) is not reached.
        NormalFormGame game = Classics.BattleOfTheSexes();
        IReadOnlyList<Equilibrium> reached = LemkeHowson.All(game);
        Assert.Equal(2, reached.Count);
        Assert.All(reached, e => Assert.All(e.Strategies, s => Assert.Contains(1.0, s)));
        Assert.All(reached, e => Assert.True(game.NashGap(e.Strategies) <= 1e-12));
    }

    [Fact]
    public void A_degenerate_game_terminates()
    {
        // Every payoff equal: maximally degenerate; the lexicographic rule still ends at an equilibrium.
        var game = NormalFormGame.Bimatrix("flat", new double[,] { { 1, 1, 1 }, { 1, 1, 1 } }, new double[,] { { 1, 1, 1 }, { 1, 1, 1 } });
        for (int label = 0; label < 5; label++)
        {
            Equilibrium e = LemkeHowson.Solve(game, label);
            Assert.Equal(0, game.NashGap(e.Strategies), 12);
            Assert.All(e.Strategies, s => Assert.Equal(1, s.Sum(), 12)); // a distribution, not a zero vector
            Assert.All(e.Strategies, s => Assert.All(s, p => Assert.True(p >= 0)));
        }
    }

    [Fact]
    public void Labels_out_of_range_and_n_player_games_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LemkeHowson.Solve(Classics.Chicken(), 4));
        var three = new NormalFormGame("3p", ["a", "b", "c"], [["x"], ["y"], ["z"]], [[0.0], [0.0], [0.0]]);
        Assert.Throws<ArgumentException>(() => LemkeHowson.Solve(three));
    }
}
