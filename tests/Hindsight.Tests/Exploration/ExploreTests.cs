using CsCheck;
using Hindsight.Exploration;

namespace Hindsight.Tests.Exploration;

public class ExploreTests
{
    [Fact]
    public void Epsilon_greedy_puts_one_minus_epsilon_plus_epsilon_over_k_on_the_best()
    {
        var pmf = new float[4];
        Explore.EpsilonGreedy([0.5f, 0.2f, 0.9f, 0.3f], 0.2f, pmf);
        Assert.Equal([0.05f, 0.85f, 0.05f, 0.05f], pmf);
    }

    [Fact]
    public void Epsilon_greedy_shares_one_minus_epsilon_among_tied_best_actions_as_vw_does()
    {
        var pmf = new float[4];
        Explore.EpsilonGreedy([0.5f, 0.2f, 0.9f, 0.2f], 0.2f, pmf);
        Assert.Equal([0.05f, 0.45f, 0.05f, 0.45f], pmf, (a, b) => Math.Abs(a - b) < 1e-6f);
        Explore.Greedy([0.5f, 0.2f, 0.9f, 0.2f], pmf);
        Assert.Equal([0f, 1f, 0f, 0f], pmf);
    }

    [Fact]
    public void Inverse_gap_weighting_matches_its_formula()
    {
        // K = 3, γ = 10, costs (0.1, 0.3, 0.6): p₂ = 1/(3 + 10·0.2) = 0.2, p₃ = 1/(3 + 10·0.5) = 0.125, p₁ = 0.675.
        var pmf = new float[3];
        Explore.InverseGapWeighting([0.1f, 0.3f, 0.6f], 10f, pmf);
        Assert.Equal(0.675f, pmf[0], 5);
        Assert.Equal(0.2f, pmf[1], 5);
        Assert.Equal(0.125f, pmf[2], 5);
    }

    [Fact]
    public void Fastcb_matches_a_hand_computed_case()
    {
        // K = 3, γ = 10, costs (0.1, 0.3, 0.6): p₂ = 0.1/(0.3 + 10·0.2) = 0.1/2.3, p₃ = 0.1/(0.3 + 10·0.5) = 0.1/5.3.
        var pmf = new float[3];
        Explore.FastCb([0.1f, 0.3f, 0.6f], 10f, pmf);
        Assert.Equal(0.1f / 2.3f, pmf[1], 5);
        Assert.Equal(0.1f / 5.3f, pmf[2], 5);
        Assert.Equal(1f - (0.1f / 2.3f) - (0.1f / 5.3f), pmf[0], 5);
    }

    [Fact]
    public void Fastcb_is_greedy_at_zero_best_cost_and_uniform_when_untrained()
    {
        var pmf = new float[3];
        Explore.FastCb([0.4f, 0f, 0.2f], 1f, pmf);
        Assert.Equal([0f, 1f, 0f], pmf);
        Explore.FastCb([0.5f, 0.5f, 0.5f], 1f, pmf);
        Assert.All(pmf, p => Assert.Equal(1f / 3, p, 6));
    }

    [Fact]
    public void Fastcb_gives_a_probability_vector_for_costs_in_the_unit_interval()
        => Gen.Float[0f, 1f].Array[1, 30].Select(Gen.Float[0f, 1000f]).Sample((costs, gamma) =>
        {
            var pmf = new float[costs.Length];
            Explore.FastCb(costs, gamma, pmf);
            return pmf.All(p => p >= 0) && Math.Abs(pmf.Sum() - 1f) <= 1e-4f;
        });

    [Fact]
    public void Every_rule_gives_a_probability_vector()
    {
        Gen.Float[-5f, 5f].Array[1, 30].Select(Gen.Float[0f, 100f]).Sample((costs, gamma) =>
        {
            var pmf = new float[costs.Length];
            foreach (Action<float[], float, float[]> rule in new Action<float[], float, float[]>[]
            {
                (c, g, p) => Explore.InverseGapWeighting(c, g, p),
                (c, g, p) => Explore.EpsilonGreedy(c, Math.Min(1f, g / 100f), p),
                (c, g, p) => Explore.Softmax(c, g, p),
            })
            {
                rule(costs, gamma, pmf);
                if (pmf.Any(p => p < -1e-6f) || Math.Abs(pmf.Sum() - 1f) > 1e-4f)
                {
                    return false;
                }
            }

            return true;
        }, seed: "0000000000001", iter: 2000);
    }
}
