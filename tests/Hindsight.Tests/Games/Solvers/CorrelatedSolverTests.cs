using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Tests.Games.Solvers;

public class CorrelatedSolverTests
{
    [Theory]
    [InlineData("chicken")]
    [InlineData("battle-of-the-sexes")]
    [InlineData("stag-hunt")]
    [InlineData("shapley")]
    [InlineData("prisoners-dilemma")]
    public void The_welfare_maximizing_ce_is_a_ce_at_least_as_good_as_every_nash_equilibrium_and_the_cce_at_least_as_good_again(string name)
    {
        NormalFormGame game = Classics.ByName[name]();
        CorrelatedEquilibrium ce = CorrelatedSolver.Solve(game);
        CorrelatedEquilibrium cce = CorrelatedSolver.Solve(game, coarse: true);
        Assert.True(game.CeGap([.. ce.Joint]) <= 1e-9, $"CE gap {game.CeGap([.. ce.Joint])}");
        Assert.True(game.CceGap([.. cce.Joint]) <= 1e-9, $"CCE gap {game.CceGap([.. cce.Joint])}");
        Assert.Equal(1, ce.Joint.Sum(), 12);
        foreach (Equilibrium nash in SupportEnumeration.Solve(game))
        {
            Assert.True(ce.Payoffs.Sum() >= nash.Payoffs.Sum() - 1e-9); // every Nash equilibrium is a CE
        }

        Assert.True(cce.Payoffs.Sum() >= ce.Payoffs.Sum() - 1e-9); // every CE is a CCE
    }

    [Fact]
    public void Aumanns_chicken_best_correlated_equilibrium_beats_every_nash_equilibrium()
    {
        // Aumann (1974): in chicken with payoffs (6,6) (2,7) / (7,2) (0,0) the Nash equilibria have welfare 9, 9 and 28/3,
        // while the welfare-best CE (½ on both swerving, ¼ on each one-sided outcome, none on the crash) has 10.5.
        NormalFormGame game = NormalFormGame.Bimatrix("Aumann's chicken", new double[,] { { 6, 2 }, { 7, 0 } }, new double[,] { { 6, 7 }, { 2, 0 } });
        CorrelatedEquilibrium ce = CorrelatedSolver.Solve(game);
        Assert.Equal(10.5, ce.Payoffs.Sum(), 9);
        Assert.Equal(0, ce.Joint[game.Index([1, 1])], 9);
        Assert.Equal(0.5, ce.Joint[game.Index([0, 0])], 9);
        double[] nash = [.. SupportEnumeration.Solve(game).Select(e => e.Payoffs.Sum()).Order()];
        Assert.Equal([9, 9, 28 / 3.0], nash, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.True(ce.Payoffs.Sum() > nash.Max() + 1);
    }

    [Fact]
    public void A_three_player_game_has_a_correlated_equilibrium()
    {
        NormalFormGame game = RandomGames.GeneralSum([3, 3, 3], 4);
        CorrelatedEquilibrium ce = CorrelatedSolver.Solve(game);
        Assert.True(game.CeGap([.. ce.Joint]) <= 1e-9);
    }
}
