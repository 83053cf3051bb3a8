using Hindsight.Bandits.Policies;
using Hindsight.Reactive;

namespace Hindsight.Tests.Reactive;

/// <summary>"Weighted Tallying Bandits" (Malik, Li and Singh, ICML 2023): modified successive elimination has complete
/// policy regret of order √(KT), while successive elimination that switches every round locks onto the arm that looks
/// best unsaturated and has linear complete policy regret.</summary>
public class WeightedTallyingTests
{
    // m = 5 with decaying weights. Practised (saturated), arm 0 loses 0.15, the best; rested, it loses 0.9. Played in
    // turn with the others (its tally is w₃ = 0.6 of W = 3), arm 0 loses 0.75, arm 1 only 0.43: round-robin learners
    // pick arm 1.
    internal static readonly WeightedTallyingBandit Bandit = new([1.0, 0.8, 0.6, 0.4, 0.2], [0.9, 0.45, 0.5], [0.15, 0.35, 0.55]);

    private static double MeanPolicyRegret(Func<Hindsight.Bandits.IBanditPolicy> policy, long horizon, int runs = 4)
        => Enumerable.Range(0, runs).Average(r => PolicyRegretMeter.Run(Bandit, policy(), horizon, seed: 11, run: r).PolicyRegret);

    [Fact]
    public void The_environment_has_repeated_exposure_optimality_and_its_best_sequence_is_the_best_arm_repeated()
    {
        Assert.True(Bandit.SatisfiesRepeatedExposureOptimality);
        Assert.False(new WeightedTallyingBandit([1.0], [0.1, 0.5], [0.3, 0.4]).SatisfiesRepeatedExposureOptimality);

        // Brute force over all 3¹⁰ sequences of expected rewards: none beats arm 0 repeated by more than the first m
        // rounds can give (here none beats it at all).
        const int T = 10;
        double best = double.NegativeInfinity;
        int[] sequence = new int[T];
        for (int code = 0; code < 59_049; code++)
        {
            int c = code;
            for (int t = 0; t < T; t++, c /= 3)
            {
                sequence[t] = c % 3;
            }

            IReactiveState state = Bandit.Start(1, 0);
            double total = 0;
            foreach (int a in sequence)
            {
                total += state.Mean(a);
                state.Play(a);
            }

            best = Math.Max(best, total);
        }

        IReactiveState repeated = Bandit.Start(1, 0);
        double arm0 = 0;
        for (int t = 0; t < T; t++)
        {
            arm0 += repeated.Mean(0);
            repeated.Play(0);
        }

        Assert.True(best <= arm0 + 1e-12, $"best sequence {best}, arm 0 repeated {arm0}");
    }

    [Fact]
    public void Modified_successive_elimination_has_square_root_complete_policy_regret_and_plain_elimination_linear()
    {
        long[] horizons = [5_000, 20_000, 80_000];
        double[] modified = [.. horizons.Select(T => MeanPolicyRegret(() => new ModifiedSuccessiveElimination(3, 8), T))];
        double[] plain = [.. horizons.Select(T => MeanPolicyRegret(() => new SuccessiveElimination(3), T))];

        double Slope(double[] r) => Math.Log(r[^1] / r[0]) / Math.Log((double)horizons[^1] / horizons[0]);
        Assert.True(Slope(modified) < 0.6, $"modified: {string.Join(", ", modified)} (slope {Slope(modified):F2})");
        for (int i = 0; i < horizons.Length; i++)
        {
            // Linear: locked on arm 1, it loses 0.2 a round to arm 0 repeated, at every horizon.
            Assert.True(plain[i] > 0.19 * horizons[i], $"plain: {string.Join(", ", plain)}");
        }

        Assert.True(modified[^1] < 0.02 * horizons[^1], $"modified: {string.Join(", ", modified)}");
        for (int i = 0; i < horizons.Length; i++)
        {
            // Within the bound's shape: c√(KT) + (m + M)K log₂ T with c = 2.
            Assert.True(modified[i] < (2 * Math.Sqrt(3.0 * horizons[i])) + (13 * 3 * Math.Log2(horizons[i])), $"T = {horizons[i]}: {modified[i]}");
        }
    }

    [Fact]
    public void Modified_elimination_plays_blocks_of_warm_up_then_samples_and_records_only_the_samples()
    {
        // K = 2, M = 3: phase 0 plays each arm for 3 + 1 rounds, phase 1 for 3 + 2 (the schedule; that warm-ups are not
        // recorded is checked by Warm_up_rewards_are_not_recorded).
        var policy = new ModifiedSuccessiveElimination(2, 3);
        var arms = new List<int>();
        for (int t = 0; t < 18; t++)
        {
            int arm = policy.Choose();
            arms.Add(arm);
            int position = arms.Count(a => a == arm) - 1; // plays of this arm so far
            bool warmUp = position < 3 || (position >= 4 && position < 7);
            policy.Update(arm, warmUp ? 0.0 : 1.0);
        }

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], arms);
        Assert.Equal(2, policy.Active.Count);
    }

    [Fact]
    public void Warm_up_rewards_are_not_recorded()
    {
        // M = 50. Warm-up rounds pay arm 0 nothing and arm 1 everything; sample rounds pay both 1. Recorded warm-ups would
        // put arm 1 far ahead (50 warm-ups against 15 samples by phase 3, past any confidence radius) and eliminate arm 0;
        // discarded, the two arms are equal and both stay. The schedule must be blocks of 50 + 2ˡ.
        const int M = 50;
        var policy = new ModifiedSuccessiveElimination(2, M);
        for (int phase = 0; phase < 5; phase++)
        {
            for (int arm = 0; arm < 2; arm++)
            {
                for (int r = 0; r < M + (1 << phase); r++)
                {
                    Assert.Equal(arm, policy.Choose());
                    policy.Update(arm, r < M ? arm : 1.0);
                }
            }
        }

        Assert.Equal(2, policy.Active.Count);
    }

    [Fact]
    public void Memory_beyond_the_bound_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Bandit.RequireMemoryBound(4));
        Assert.Contains("m = 5", error.Message);
        Assert.Contains("M = 4", error.Message);
        Bandit.RequireMemoryBound(5);
        Assert.Throws<ArgumentException>(() => new WeightedTallyingBandit([1.0], [0.1], [1.5]));
        Assert.Throws<ArgumentException>(() => new WeightedTallyingBandit([0.0, 0.0], [0.1], [0.2]));
    }
}
