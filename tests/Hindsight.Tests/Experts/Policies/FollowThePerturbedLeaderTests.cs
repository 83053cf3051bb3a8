using Hindsight.Experts.Policies;

namespace Hindsight.Tests.Experts.Policies;

public class FollowThePerturbedLeaderTests
{
    [Fact]
    public void Regret_is_of_order_sqrt_t_log_k()
    {
        // Expected regret O(√(T ln K)) (Hutter and Poland 2005); the mean of 5 runs stays under 2√(2 T ln K).
        const long T = 20_000;
        double mean = Enumerable.Range(0, 5).Average(run => ExpertsPlay.Run(new FollowThePerturbedLeader(100), ExpertsPlay.Drifting(), T, run).Regret[^1]);
        Assert.True(mean <= 2 * Math.Sqrt(2 * T * Math.Log(100)), $"{mean}");
    }

    [Fact]
    public void It_plays_a_single_expert_and_follows_a_clear_leader()
    {
        var fpl = new FollowThePerturbedLeader(3);
        fpl.Reset(1);
        double[] p = new double[3];
        for (int t = 0; t < 200; t++)
        {
            fpl.Observe([0.0, 1.0, 0.0]);
        }

        fpl.Distribution(p);
        Assert.Equal([0.0, 1.0, 0.0], p);
    }
}
