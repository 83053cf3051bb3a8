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
    public void Independent_optimistic_hedge_converges_on_average_but_its_last_iterate_does_not()
    {
        // A 3-state, 3-action zero-sum game, γ = 0.8. Each player runs optimistic Hedge per state on its exact Q-values;
        // the same learner's last iterate converges on one-shot zero-sum games (SelfPlayTests), but here the Q-values move
        // with the opponent and the play keeps cycling. Measured at 100, 1 000, 3 000 iterations: last-iterate Nash gap
        // 0.90, 1.33, 1.25; average policy 0.63, 0.051, 0.019; CCE gap of the mixture 0.36, 0.029, 0.029.
        MarkovGame game = MarkovGames.Random(3, 3, 0.8, zeroSum: true, 2);
        IReadOnlyList<MarkovCheckpoint> r = IndependentPlay.Run(game, k => new OptimisticHedge(k), [100, 1000, 3000]);
        Assert.True(r[1].LastNashGap > 0.5 && r[2].LastNashGap > 0.5);
        Assert.True(r[2].AverageNashGap < 0.05);
        Assert.True(r[2].CceGap < r[0].CceGap / 5);
    }

    [Fact]
    public void Bad_games_are_refused()
    {
        int[][] actions = [[1], [1]];
        double[][][] rewards = [[[0.0]], [[0.0]]];
        Assert.Throws<ArgumentException>(() => new MarkovGame(actions, rewards, [[0.5]], 0.9)); // transitions sum to 0.5
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkovGame(actions, rewards, [[1.0]], 1.0));
        Assert.Throws<ArgumentException>(() => ShapleyValueIteration.Solve(MarkovGames.Random(2, 2, 0.5, zeroSum: false, 1)));
    }
}
