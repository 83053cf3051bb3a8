using CsCheck;
using Hindsight.Numerics;

namespace Hindsight.Tests.Numerics;

public class KullbackLeiblerTests
{
    [Fact]
    public void Bernoulli_divergence_matches_hand_computed_values()
    {
        Assert.Equal(0.0, KullbackLeibler.Bernoulli(0.3, 0.3), 15);
        // kl(0.2, 0.9) = 0.2 ln(0.2/0.9) + 0.8 ln(0.8/0.1)
        Assert.Equal((0.2 * Math.Log(0.2 / 0.9)) + (0.8 * Math.Log(8.0)), KullbackLeibler.Bernoulli(0.2, 0.9), 14);
        Assert.Equal(-Math.Log(0.5), KullbackLeibler.Bernoulli(0.0, 0.5), 14);
        Assert.Equal(0.5, KullbackLeibler.Gaussian(1.0, 2.0, 1.0), 15);
    }

    [Fact]
    public void Upper_bound_solves_kl_equal_to_the_budget()
    {
        Gen.Select(Gen.Double[0.001, 0.999], Gen.Double[1e-4, 3.0]).Sample((p, d) =>
        {
            // Either kl(p, q) = d to 1e-9, or (near the pole at q = 1, where one ulp of q moves kl by more than
            // that) the root lies within a millionth of the distance 1 − q, or four ulps, on either side of q.
            double q = KullbackLeibler.BernoulliUpperBound(p, d);
            if (q > p && Math.Abs(KullbackLeibler.Bernoulli(p, q) - d) < 1e-9 * Math.Max(1, d))
            {
                return true;
            }

            double delta = Math.Max(1e-6 * (1 - q), 4 * Math.BitIncrement(1.0) - 4);
            return q > p && KullbackLeibler.Bernoulli(p, q - delta) <= d && (q + delta >= 1 || KullbackLeibler.Bernoulli(p, q + delta) >= d);
        }, seed: "a70lrgWuIMH1", iter: 20_000);
    }

    [Fact]
    public void Upper_bound_at_the_edges_is_closed_form()
    {
        Assert.Equal(1 - Math.Exp(-0.7), KullbackLeibler.BernoulliUpperBound(0.0, 0.7), 14);
        Assert.Equal(1.0, KullbackLeibler.BernoulliUpperBound(1.0, 0.7));
        Assert.Equal(0.4, KullbackLeibler.BernoulliUpperBound(0.4, 0.0));
    }

    [Fact]
    public void Ceiling_is_never_below_the_exact_index()
    {
        Gen.Select(Gen.Double[0.0, 1.0], Gen.Double[1e-5, 5.0]).Sample((p, d) =>
            KullbackLeibler.BernoulliUpperBoundCeiling(p, d) >= KullbackLeibler.BernoulliUpperBound(p, d) - 1e-12, seed: "0N0XIUO8lCn0", iter: 20_000);
    }

    [Fact]
    public void Categorical_divergence_matches_hand_computed_values()
    {
        Assert.Equal((0.5 * Math.Log(0.5 / 0.25)) + (0.5 * Math.Log(0.5 / 0.75)), KullbackLeibler.Categorical([0.5, 0.5], [0.25, 0.75]), 15);
        Assert.Equal(0, KullbackLeibler.Categorical([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]));
        Assert.Equal(Math.Log(1 / 0.4), KullbackLeibler.Categorical([0, 1], [0.6, 0.4]), 15); // 0 ln 0 = 0
        Assert.Equal(double.PositiveInfinity, KullbackLeibler.Categorical([0.5, 0.5], [1, 0]));
        Assert.Throws<ArgumentException>(() => KullbackLeibler.Categorical([1], [0.5, 0.5]));
    }
}
