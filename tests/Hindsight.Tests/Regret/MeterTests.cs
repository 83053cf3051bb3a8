using Hindsight.Bandits;
using Hindsight.Bandits.Environments;
using Hindsight.Regret;

namespace Hindsight.Tests.Regret;

public class MeterTests
{
    // A deterministic table: rounds × arms.  Best fixed arm in hindsight: arm 1 (total 2.5 vs 2.0).
    private static readonly double[][] Table =
    [
        [1.0, 0.0],
        [1.0, 0.5],
        [0.0, 1.0],
        [0.0, 1.0],
    ];

    private static Dictionary<string, double> Measure(int[] choices, IBanditEnvironment env)
    {
        IBanditOracle oracle = env.Start(1, 0);
        var meters = Meters.Names.Select(n => Meters.Create(n)).ToArray();
        foreach (var m in meters)
        {
            m.Start(oracle);
        }

        for (int t = 1; t <= choices.Length; t++)
        {
            double r = oracle.Reward(t, choices[t - 1]);
            foreach (var m in meters)
            {
                m.Observe(t, choices[t - 1], r);
            }
        }

        return meters.ToDictionary(m => m.Name, m => m.Value);
    }

    [Fact]
    public void Every_meter_matches_a_hand_computation_on_a_table()
    {
        var env = new RewardTableEnvironment(Table);
        var values = Measure([0, 0, 0, 1], env);

        // Learner: 1 + 1 + 0 + 1 = 3. Best fixed arm: arm 1 with 2.5 → external = −0.5 (the learner beat it).
        Assert.Equal(-0.5, values["external"], 12);
        // The table is its own mean sequence: pseudo-regret equals external regret.
        Assert.Equal(-0.5, values["pseudo"], 12);
        // Per-round best: 1 + 1 + 1 + 1 = 4 → dynamic = 4 − 3 = 1 (round 3).
        Assert.Equal(1.0, values["dynamic"], 12);
        Assert.Equal(1.0, values["switches"]);
        Assert.Equal(0.75, values["bestArmFraction"]);
        Assert.Equal(3.0, values["reward"]);
    }

    [Fact]
    public void Stationary_pseudo_regret_is_the_sum_of_gaps_of_the_pulled_arms()
    {
        var env = new BernoulliEnvironment([0.2, 0.5, 0.9]);
        var values = Measure([0, 1, 2, 2, 0], env);
        Assert.Equal(0.7 + 0.4 + 0 + 0 + 0.7, values["pseudo"], 12);
        Assert.Equal(values["pseudo"], values["dynamic"], 12);
        Assert.Equal(3.0, values["switches"]);
        Assert.Equal(0.4, values["bestArmFraction"], 12);
    }

    [Fact]
    public void Non_stationary_pseudo_regret_compares_with_the_best_arm_on_summed_means()
    {
        // Means: rounds 1–2 [0.9, 0.1], rounds 3–4 [0.1, 0.9]. Summed means are equal (2.0 each); a learner that
        // always plays arm 0 gets 2.0: pseudo-regret 0, dynamic regret 1.6.
        var env = new PiecewiseStationaryEnvironment([3], [[0.9, 0.1], [0.1, 0.9]]);
        var values = Measure([0, 0, 0, 0], env);
        Assert.Equal(0.0, values["pseudo"], 12);
        Assert.Equal(1.6, values["dynamic"], 12);
    }
}
