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
    public void Chickens_best_correlated_equilibrium_beats_its_nash_equilibria()
    {
        // Chicken's welfare-best CE puts no weight on the crash and more on both swerving than any Nash equilibrium can
        // (Aumann's traffic light): welfare > the best Nash welfare, 0.
        NormalFormGame game = Classics.Chicken();
        CorrelatedEquilibrium ce = CorrelatedSolver.Solve(game);
        Assert.Equal(0, ce.Joint[game.Index([1, 1])], 9);
        double bestNash = SupportEnumeration.Solve(game).Max(e => e.Payoffs.Sum());
        Assert.True(ce.Payoffs.Sum() >= bestNash - 1e-9);
    }

    [Fact]
    public void A_three_player_game_has_a_correlated_equilibrium()
    {
        NormalFormGame game = RandomGames.GeneralSum([3, 3, 3], 4);
        CorrelatedEquilibrium ce = CorrelatedSolver.Solve(game);
        Assert.True(game.CeGap([.. ce.Joint]) <= 1e-9);
    }
}
