using Hindsight.Games;

namespace Hindsight.Tests.Games;

/// <summary>Deviation gains of joint distributions (correlated and coarse correlated equilibrium gaps), by hand.</summary>
public class NormalFormGameTests
{
    // Chicken (Swerve, Straight): (S,S) = (0,0), (S,T) = (−1,1), (T,S) = (1,−1), (T,T) = (−10,−10).
    // Profile index = row + 2·column: (S,S) 0, (T,S) 1, (S,T) 2, (T,T) 3.
    [Fact]
    public void Aumanns_traffic_light_is_a_correlated_equilibrium_of_chicken()
    {
        NormalFormGame chicken = Classics.Chicken();
        double[] light = [1 / 3.0, 1 / 3.0, 1 / 3.0, 0];
        Assert.Equal(0, chicken.CeGap(light), 12);
        Assert.Equal(0, chicken.CceGap(light), 12);
    }

    [Fact]
    public void Uniform_joint_play_of_chicken_gains_two_by_deviating()
    {
        // Row player told Straight: the column is S or T alike, Straight earns (1 − 10)/2 · ½, Swerve (0 − 1)/2 · ½:
        // a swap gain of 2; always Swerve earns −½ against the uniform play's −2.5: an external gain of 2.
        NormalFormGame chicken = Classics.Chicken();
        double[] uniform = [0.25, 0.25, 0.25, 0.25];
        (double external, double swap) = chicken.DeviationGains(0, uniform);
        Assert.Equal(2, external, 12);
        Assert.Equal(2, swap, 12);
        Assert.Equal(2, chicken.CeGap(uniform), 12);
    }

    [Fact]
    public void A_pure_nash_equilibrium_is_a_correlated_equilibrium()
    {
        // Prisoner's dilemma: (Defect, Defect) is the only equilibrium; (Cooperate, Cooperate) is not a CCE.
        NormalFormGame pd = Classics.PrisonersDilemma();
        double[] defect = new double[4], cooperate = new double[4];
        defect[pd.Index([1, 1])] = 1;
        cooperate[pd.Index([0, 0])] = 1;
        Assert.Equal(0, pd.CeGap(defect), 12);
        Assert.True(pd.CceGap(cooperate) > 0);
    }

    [Fact]
    public void Joint_probabilities_of_the_wrong_length_are_refused()
        => Assert.Throws<ArgumentException>(() => Classics.Chicken().DeviationGains(0, [1.0]));

    [Fact]
    public void Profile_counts_stop_at_the_limit_without_overflowing()
    {
        Assert.True(NormalFormGame.TryCountProfiles([10, 10, 10], out long profiles));
        Assert.Equal(1000, profiles);
        Assert.False(NormalFormGame.TryCountProfiles([100_000, 100_000, 100_000, 100_000, 100_000], out _));
        Assert.False(NormalFormGame.TryCountProfiles([NormalFormGame.MaxProfiles, 2], out _));
    }

    [Fact]
    public void Payoff_range_and_table_are_the_games()
    {
        NormalFormGame g = NormalFormGame.Bimatrix("g", new double[,] { { 3, -7 }, { 0, 1 } }, new double[,] { { 2, 5 }, { -1, 0 } });
        Assert.Equal((-7.0, 3.0, -1.0, 5.0), (g.LowestPayoff(0), g.HighestPayoff(0), g.LowestPayoff(1), g.HighestPayoff(1)));
        Assert.Equal(7, g.LargestPayoffMagnitude);
        Assert.Equal([3.0, 0, -7, 1], g.PayoffTable(0).ToArray()); // row fastest
    }

    [Fact]
    public void Marginals_and_profile_decoding_follow_gambit_order()
    {
        NormalFormGame g = RandomGames.GeneralSum([2, 3, 2], 1);
        double[] joint = [.. Enumerable.Range(0, g.Profiles).Select(p => (double)(p + 1))];
        double[][] m = g.Marginals(joint);
        for (int i = 0; i < 3; i++)
        {
            for (int s = 0; s < g.StrategyCount(i); s++)
            {
                double expected = 0;
                for (int p = 0; p < g.Profiles; p++)
                {
                    int[] profile = [p % 2, p / 2 % 3, p / 6]; // player 1 fastest
                    expected += profile[i] == s ? joint[p] : 0;
                }

                Assert.Equal(expected, m[i][s]);
            }
        }

        Assert.Equal(11, g.Index([g.StrategyOf(0, 11), g.StrategyOf(1, 11), g.StrategyOf(2, 11)]));
        Assert.Throws<ArgumentException>(() => g.Marginals([1.0]));
    }
}
