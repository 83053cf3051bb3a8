using Hindsight.Preferences;
using Hindsight.Preferences.Learners;

namespace Hindsight.Tests.Preferences.Learners;

/// <summary>
/// The NLHF bar on an intransitive game (4 prompts × 7 responses, cycle 3 against transitive scores 0.5,
/// β = 0.1). Measured duality gaps of the last iterate at 10, 100, 300 iterations: Nash-MP 2.7e-2, 1.7e-6, 2.3e-15;
/// EGPO 2.6e-2, 9.2e-7, 5.8e-16; INPO 3.2e-2, 1.5e-5, 7.4e-13; Nash-MD (ηₜ = 1/(β(t + 2))) 2.2e-2, 4.2e-4, 3.3e-5
/// (4.4e-7 at 3 000); the Bradley–Terry reward + KL-regularized policy: 0.578, as offline DPO at convergence.
/// </summary>
public class NashLearnerTests
{
    private const double Beta = 0.1;
    private static readonly PreferenceGame Game = PreferenceGames.Intransitive(4, 7, cycle: 3, transitive: 0.5, seed: 1);

    private static PreferenceCheckpoint Last(IPreferenceLearner learner, long iterations)
        => PreferenceStudy.Run(Game, learner, Beta, [iterations])[0];

    [Fact]
    public void Nash_mirror_prox_and_egpo_reach_a_duality_gap_of_1e_minus_4_where_bradley_terry_dpo_stays_above_0_1()
    {
        PreferenceCheckpoint bt = Last(new BradleyTerryPolicy(), 0);
        Assert.True(bt.DualityGap >= 0.1, $"BT+PO gap {bt.DualityGap}");
        Assert.True(Last(new NashMirrorProx(), 300).DualityGap <= 1e-4);
        Assert.True(Last(new Egpo(), 300).DualityGap <= 1e-4);
        Assert.True(Last(new NashMirrorProx(), 300).KlToNash <= 1e-10);
    }

    [Fact]
    public void Inpo_and_nash_md_converge_in_the_last_iterate_nash_md_more_slowly()
    {
        IReadOnlyList<PreferenceCheckpoint> md = PreferenceStudy.Run(Game, new NashMd(), Beta, [100, 1000]);
        Assert.True(md[1].DualityGap < md[0].DualityGap / 5); // O(1/t): ×10 iterations → about ×10 smaller
        Assert.True(Last(new Inpo(), 300).DualityGap <= 1e-8);
        Assert.True(md[0].DualityGap > Last(new NashMirrorProx(), 100).DualityGap);
    }

    [Fact]
    public void Offline_dpo_converges_to_the_bradley_terry_policy()
    {
        var dpo = new Dpo();
        var bt = new BradleyTerryPolicy();
        double dpoGap = PreferenceStudy.Run(Game, dpo, Beta, [3000])[0].DualityGap;
        double btGap = PreferenceStudy.Run(Game, bt, Beta, [0])[0].DualityGap;
        Assert.True(Math.Abs(dpoGap - btGap) < 1e-3, $"DPO {dpoGap}, BT {btGap}");
        Assert.True(Game.Kl(bt.Policy, dpo.Policy) < 1e-4, $"{Game.Kl(bt.Policy, dpo.Policy)}");
    }

    [Fact]
    public void Self_play_preference_optimization_averages_towards_the_minimax_winner_while_its_last_iterate_cycles()
    {
        // β = 0, SPO's target: the average's gap falls while the last iterate's stays large (multiplicative weights cycle).
        IReadOnlyList<PreferenceCheckpoint> r = PreferenceStudy.Run(Game, new SelfPlayPreferenceOptimization(), 0, [100, 1000, 10_000]);
        Assert.True(r[2].AverageDualityGap < r[0].AverageDualityGap / 3, string.Join(", ", r.Select(c => c.AverageDualityGap)));
        Assert.True(r[2].DualityGap > 5 * r[2].AverageDualityGap, string.Join(", ", r.Select(c => c.DualityGap)));
    }
}
