using Hindsight.Experts.Policies;
using Hindsight.Games.Markov;

namespace Hindsight.Tests.Games.Markov;

public class MarkovGameTests
{
    [Fact]
    public void Shapleys_value_iteration_solves_random_zero_sum_markov_games_exactly()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            MarkovGame game = MarkovGames.Random(4, 3, 0.9, zeroSum: true, seed);
            (double[] values, double[][][] policy) = ShapleyValueIteration.Solve(game);
            Assert.True(game.NashGap(policy) <= 1e-9, $"seed {seed}: {game.NashGap(policy)}");
            double[][] v = game.Evaluate(policy);
            for (int s = 0; s < game.States; s++)
            {
                Assert.Equal(values[s], v[0][s], 9);
                Assert.Equal(-values[s], v[1][s], 9);
            }
        }
    }

    [Fact]
    public void A_one_state_game_without_discount_has_the_nash_gap_of_its_stage_game()
    {
        // γ = 0 and one state: values are stage payoffs, best responses are the stage game's.
        MarkovGame game = MarkovGames.Random(1, 3, 0, zeroSum: false, 7);
        var a = new double[3, 3];
        var b = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                (a[i, j], b[i, j]) = (game.Reward(0, 0, i, j), game.Reward(1, 0, i, j));
            }
        }

        var stage = Hindsight.Games.NormalFormGame.Bimatrix("stage", a, b);
        double[][] mixed = [[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]];
        Assert.Equal(stage.NashGap(mixed), game.NashGap([[mixed[0]], [mixed[1]]]), 12);
    }

    [Fact]
    public void Bad_games_are_refused()
    {
        int[][] actions = [[1], [1]];
        double[][][] rewards = [[[0.0]], [[0.0]]];
        Assert.Throws<ArgumentException>(() => new MarkovGame(actions, rewards, [[0.5]], 0.9)); // transitions sum to 0.5
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkovGame(actions, rewards, [[1.0]], 1.0));
        Assert.Throws<ArgumentException>(() => ShapleyValueIteration.Solve(MarkovGames.Random(2, 2, 0.5, zeroSum: false, 1)));
        Assert.Throws<ArgumentException>(() => IndependentPlay.Run(MarkovGames.Random(2, 2, 0.5, zeroSum: true, 1), k => new OptimisticHedge(k), [10, 10]));
    }
}
