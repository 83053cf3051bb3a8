using Hindsight.Bandits;
using Hindsight.Bandits.Policies;
using Hindsight.Numerics;

namespace Hindsight.Tests.Bandits.Policies;

public class PolicyKnownAnswerTests
{
    [Fact]
    public void Ucb1_pulls_each_arm_once_then_follows_the_textbook_index()
    {
        // Given three arms pulled once with rewards 1, 0, 0.5: at t = 4 the indices are
        // μ + √(2 ln 4 / 1) and arm 0 (mean 1) wins. After arm 0 pays 0, at t = 5 arm 0 has mean 0.5 over 2 pulls:
        // index 0.5 + √(2 ln 5 / 2) = 1.7686, arm 2 has 0.5 + √(2 ln 5) = 2.2940 → arm 2.
        var policy = new IndexPolicy<Ucb1Rule>(3, new Ucb1Rule(2.0));
        policy.Reset(0);
        double[] first = [1.0, 0.0, 0.5];
        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(a, policy.Choose());
            policy.Update(a, first[a]);
        }

        Assert.Equal(0, policy.Choose());
        policy.Update(0, 0.0);
        Assert.Equal(2, policy.Choose());
    }

    [Fact]
    public void Kl_ucb_chooses_exactly_the_argmax_of_the_bisection_index()
    {
        // The cached, pruned argmax must equal a naive argmax of indices solved by bisection, round after round.
        const int arms = 8;
        var policy = new KlUcb(arms);
        policy.Reset(0);
        var pulls = new long[arms];
        var sums = new double[arms];
        ulong key = CounterRng.Key(1, 0, 0);
        for (long t = 1; t <= 6000; t++)
        {
            int chosen = policy.Choose();
            int expected;
            if (t <= arms)
            {
                expected = (int)t - 1;
            }
            else
            {
                double budget = Math.Log(t);
                expected = 0;
                double best = double.NegativeInfinity;
                for (int a = 0; a < arms; a++)
                {
                    double index = Bisection(sums[a] / pulls[a], budget / pulls[a]);
                    if (index > best + 1e-9)
                    {
                        best = index;
                        expected = a;
                    }
                }
            }

            Assert.Equal(expected, chosen);
            double reward = CounterRng.Uniform(key, t, chosen) < 0.3 + (0.05 * chosen) ? 1.0 : 0.0;
            policy.Update(chosen, reward);
            pulls[chosen]++;
            sums[chosen] += reward;
        }
    }

    private static double Bisection(double p, double d)
    {
        double lo = p, hi = 1.0;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (KullbackLeibler.Bernoulli(p, mid) > d)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return lo;
    }

    [Fact]
    public void Tsallis_inf_normalization_satisfies_its_fixed_point()
    {
        // Given losses and η, the weights are 4 (η (Lᵢ − x))⁻², sum to 1, and x < min L.
        var rng = new SeededRandom(4);
        for (int trial = 0; trial < 200; trial++)
        {
            int k = 2 + rng.Next(30);
            double eta = 0.001 + (rng.NextDouble() * 2);
            double[] losses = [.. Enumerable.Range(0, k).Select(_ => rng.NextDouble() * 200)];
            var weights = new double[k];
            double x = TsallisInf.Normalize(losses, eta, double.NaN, weights);
            Assert.True(x < losses.Min());
            Assert.Equal(1.0, weights.Sum(), 12);
            for (int i = 0; i < k; i++)
            {
                double expected = 4.0 / Math.Pow(eta * (losses[i] - x), 2);
                Assert.Equal(expected, weights[i], 10);
            }

            // A warm start anywhere gives the same answer.
            var again = new double[k];
            TsallisInf.Normalize(losses, eta, x - 5, again);
            Assert.Equal(weights, again, (a, b) => Math.Abs(a - b) < 1e-12);
        }
    }

    [Fact]
    public void Tsallis_inf_starts_uniform()
    {
        // With equal losses the solution is x = −2√K/η and every weight 1/K.
        var weights = new double[9];
        double x = TsallisInf.Normalize(new double[9], 0.5, double.NaN, weights);
        Assert.Equal(-2 * 3 / 0.5, x, 12);
        Assert.All(weights, w => Assert.Equal(1.0 / 9, w, 14));
    }

    [Fact]
    public void Exp3_samples_from_the_exponential_weights()
    {
        // Given arm 0 always pays 1 and arm 1 always 0, the loss estimate of arm 1 grows and EXP3 plays arm 0
        // with probability ≥ 1 − exp(−η_t (L̂₁ − L̂₀)); after 5000 rounds arm 0 dominates.
        var policy = new Exp3(2);
        policy.Reset(1);
        int zero = 0;
        for (int t = 1; t <= 5000; t++)
        {
            int a = policy.Choose();
            if (t > 4000 && a == 0)
            {
                zero++;
            }

            policy.Update(a, a == 0 ? 1.0 : 0.0);
        }

        Assert.True(zero > 950, $"arm 0 was played {zero} of the last 1000 rounds");
        Assert.InRange(policy.Probability(0), 0.95, 1.0);
    }

    [Fact]
    public void Successive_elimination_drops_a_clearly_worse_arm_by_the_theoretical_sweep()
    {
        // Arms pay 1 and 0 deterministically: the gap is 1, so arm 1 is dropped at the first sweep r with
        // 2 αᵣ < 1, αᵣ = √(ln(4 K r² / δ) / r) (Even-Dar et al., Algorithm 3, c = 4).
        var policy = new SuccessiveElimination(2, 0.01);
        policy.Reset(0);
        int expectedSweep = Enumerable.Range(1, 200).First(r => 2 * Math.Sqrt(Math.Log(4.0 * 2 * r * r / 0.01) / r) < 1);
        for (int t = 0; t < 2 * expectedSweep; t++)
        {
            Assert.Equal(2, policy.ActiveArms);
            int a = policy.Choose();
            policy.Update(a, a == 0 ? 1.0 : 0.0);
        }

        Assert.Equal(1, policy.ActiveArms);
        Assert.Equal(0, policy.Choose());
    }

    [Fact]
    public void Thompson_sampling_concentrates_on_an_arm_that_always_pays()
    {
        var policy = new BetaThompson(3);
        policy.Reset(8);
        int good = 0;
        for (int t = 1; t <= 1000; t++)
        {
            int a = policy.Choose();
            if (t > 500 && a == 2)
            {
                good++;
            }

            policy.Update(a, a == 2 ? 1.0 : 0.0);
        }

        // Beta(1, n+1) samples of the bad arms beat a Beta(m+1, 1) sample with probability ≈ 1/(n m): negligible here.
        Assert.True(good >= 495, $"the paying arm was chosen {good} of the last 500 rounds");
    }

    [Fact]
    public void Sliding_window_ucb_forgets_rewards_older_than_its_window()
    {
        // Arm 0 pays 1 for 300 rounds then 0; arm 1 pays 0.5. With a window of 50, arm 0's windowed mean is 0 soon
        // after round 300 and arm 1 takes over; plain UCB1 would keep arm 0 for hundreds of rounds.
        var policy = new SlidingWindowUcb(2, window: 50);
        policy.Reset(0);
        int arm1Late = 0;
        for (int t = 1; t <= 600; t++)
        {
            int a = policy.Choose();
            if (t > 450 && a == 1)
            {
                arm1Late++;
            }

            policy.Update(a, a == 0 ? (t <= 300 ? 1.0 : 0.0) : 0.5);
        }

        Assert.True(arm1Late > 120, $"arm 1 was chosen {arm1Late} of the last 150 rounds");
    }

    [Fact]
    public void Explore_then_commit_explores_round_robin_then_commits_to_the_best_mean()
    {
        var policy = new ExploreThenCommit(3, 4);
        policy.Reset(0);
        for (int t = 0; t < 12; t++)
        {
            int a = policy.Choose();
            Assert.Equal(t % 3, a);
            policy.Update(a, a == 1 ? 1.0 : 0.0);
        }

        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(1, policy.Choose()));
    }
}
