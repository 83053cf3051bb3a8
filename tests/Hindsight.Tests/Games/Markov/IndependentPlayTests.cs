using Hindsight.Experts.Policies;
using Hindsight.Games;
using Hindsight.Games.Markov;

namespace Hindsight.Tests.Games.Markov;

public class IndependentPlayTests
{
    [Fact]
    public void One_state_with_no_future_is_repeated_play_of_its_normal_form_game()
    {
        // γ = 0 and one state: each iteration is a round of the matrix game, so the Markov meters (CCE gap over
        // deterministic stationary deviations, Nash gaps of the average and last policies) must be self-play's.
        NormalFormGame game = RandomGames.ZeroSum(3, 4, 5);
        double[] a = new double[12], b = new double[12];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                a[(r * 4) + c] = game.Payoff(0, r, c);
                b[(r * 4) + c] = game.Payoff(1, r, c);
            }
        }

        var markov = new MarkovGame([[3], [4]], [[a], [b]], [Enumerable.Repeat(1.0, 12).ToArray()], 0);
        long[] at = [10, 300, 3000];
        IReadOnlyList<MarkovCheckpoint> m = IndependentPlay.Run(markov, k => new Hedge(k, 0.1), at, seed: 2);
        SelfPlayResult s = SelfPlay.Run(game, [new Hedge(3, 0.1), new Hedge(4, 0.1)], at, seed: 2);
        for (int c = 0; c < at.Length; c++)
        {
            Assert.Equal(s.Checkpoints[c].CceGap, m[c].CceGap, 9);
            Assert.Equal(s.Checkpoints[c].AverageNashGap, m[c].AverageNashGap, 9);
            Assert.Equal(s.Checkpoints[c].LastNashGap, m[c].LastNashGap, 9);
        }

        Assert.True(m[^1].CceGap < m[0].CceGap);
    }
}
