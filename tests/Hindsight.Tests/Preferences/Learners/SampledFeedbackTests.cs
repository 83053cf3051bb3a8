using Hindsight.Preferences;
using Hindsight.Preferences.Learners;

namespace Hindsight.Tests.Preferences.Learners;

/// <summary>
/// Nash learners from sampled duels (n duels per response per win-rate estimate) on the 4 × 7 intransitive game,
/// β = 0.1. Measured duality gaps at 100 / 1 000 / 3 000 iterations — Nash-MP last iterate: n = 10: 1.1e-2, 1.6e-2,
/// 1.4e-2 (average 1.7e-3, 1.8e-4, 9.1e-5); n = 100: 2.3e-3, 1.3e-3, 6.6e-4; n = 1 000: 1.6e-4, 1.4e-4, 1.0e-4. Nash-MD
/// (decaying steps), n = 100: 1.2e-3, 5.2e-5, 1.8e-5. A constant step leaves the last iterate at a noise floor that
/// falls with n; averaging, or a decaying step, keeps converging. The DPO family draws n labelled pairs a step.
/// </summary>
public class SampledFeedbackTests
{
    private const double Beta = 0.1;
    private static readonly PreferenceGame Game = PreferenceGames.Intransitive(4, 7, cycle: 3, transitive: 0.5, seed: 1);

    private static PreferenceCheckpoint Final(IPreferenceLearner learner, long iterations) => PreferenceStudy.Run(Game, learner, Beta, [iterations])[0];

    [Fact]
    public void The_last_iterates_noise_floor_falls_with_the_number_of_duels()
    {
        double few = Final(new NashMirrorProx { Samples = 10 }, 1000).DualityGap;
        double many = Final(new NashMirrorProx { Samples = 1000 }, 1000).DualityGap;
        Assert.True(many < few / 10, $"n = 10: {few}, n = 1000: {many}");
        Assert.True(few > 1e-3); // a floor: far above the exact learner's 1e-15
    }

    [Fact]
    public void Averaging_or_a_decaying_step_gets_below_the_floor()
    {
        PreferenceCheckpoint constant = Final(new NashMirrorProx { Samples = 10 }, 3000);
        Assert.True(constant.AverageDualityGap < constant.DualityGap / 10, $"average {constant.AverageDualityGap}, last {constant.DualityGap}");
        Assert.True(Final(new NashMd { Samples = 100 }, 3000).DualityGap < Final(new NashMirrorProx { Samples = 100 }, 3000).DualityGap / 10);
    }

    [Fact]
    public void Sampled_runs_are_reproducible_and_refuse_a_negative_count()
    {
        double first = Final(new Egpo { Samples = 20, Seed = 3 }, 50).DualityGap;
        Assert.Equal(first, Final(new Egpo { Samples = 20, Seed = 3 }, 50).DualityGap);
        Assert.NotEqual(first, Final(new Egpo { Samples = 20, Seed = 4 }, 50).DualityGap); // the seed drives the duels
        Assert.NotEqual(first, Final(new Egpo(), 50).DualityGap); // and the samples are used
        Assert.Throws<ArgumentOutOfRangeException>(() => new Inpo { Samples = -1 }.Reset(Game, Beta));
    }

    [Fact]
    public void Dpo_from_sampled_pairs_approaches_population_dpo_as_the_batch_grows()
    {
        // 3 000 steps; KL(exact DPO's policy ‖ sampled DPO's) measured: offline 4.1e-2, 3.7e-3, 1.6e-4 for n = 20, 200,
        // 2 000 pairs a step (SGD noise ∝ 1/n); online 0.15, 7.3e-3, 8.8e-4.
        var exact = new Dpo();
        PreferenceStudy.Run(Game, exact, Beta, [3000]);
        var few = new Dpo { Samples = 20 };
        var many = new Dpo { Samples = 2000 };
        PreferenceStudy.Run(Game, few, Beta, [3000]);
        PreferenceStudy.Run(Game, many, Beta, [3000]);
        double klFew = Game.Kl(exact.Policy, few.Policy), klMany = Game.Kl(exact.Policy, many.Policy);
        Assert.True(klMany < klFew / 10 && klMany < 1e-3, $"n = 20: {klFew}, n = 2000: {klMany}");
    }
}
