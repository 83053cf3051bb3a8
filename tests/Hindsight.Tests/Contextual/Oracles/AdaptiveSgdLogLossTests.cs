using Hindsight.Contextual.Oracles;
using Hindsight.Numerics;

namespace Hindsight.Tests.Contextual.Oracles;

/// <summary>Log loss in <see cref="AdaptiveSgd"/>: the Lambert-W step, its safety for large importance weights, and learning.</summary>
public class AdaptiveSgdLogLossTests
{
    [Theory]
    [InlineData(-30)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(800)] // e^800 overflows a double: the root is found without it
    public void Lambert_w_of_exp_solves_w_plus_log_w_equals_c(double c)
    {
        double w = AdaptiveSgd.LambertWOfExp(c);
        Assert.True(w > 0);
        Assert.Equal(c, w + Math.Log(w), 10);
        if (c < 700)
        {
            Assert.Equal(Math.Exp(c), w * Math.Exp(w), Math.Exp(c) * 1e-10); // W(z) e^W(z) = z
        }
    }

    [Theory]
    [InlineData(0.3f, 1f, 0.5f, 2f)]
    [InlineData(-4f, 1f, 3f, 0.7f)]
    [InlineData(2f, 0f, 10f, 1.5f)]
    [InlineData(0f, 0f, 0.01f, 1f)]
    public void The_closed_form_step_is_the_solution_of_the_importance_weighted_gradient_flow(float score, float label, float scale, float perUpdate)
    {
        // dq/dh = −S ℓ'(q) = S s / (1 + e^(s q)) for h from 0 to ηh (S = prediction change per unit step), by RK4.
        double s = label == 1f ? 1 : -1;
        double Rate(double q) => perUpdate * s / (1 + Math.Exp(s * q));
        double q = score;
        const int Steps = 20_000;
        double dh = scale / (double)Steps;
        for (int i = 0; i < Steps; i++)
        {
            double k1 = Rate(q), k2 = Rate(q + (dh * k1 / 2)), k3 = Rate(q + (dh * k2 / 2)), k4 = Rate(q + (dh * k3));
            q += dh * (k1 + (2 * k2) + (2 * k3) + k4) / 6;
        }

        double closed = score + (AdaptiveSgd.LogisticUpdate(score, label, scale, perUpdate) * (double)perUpdate);
        Assert.Equal(q, closed, 4);
    }

    [Fact]
    public void A_huge_importance_weight_moves_the_prediction_towards_the_label_by_a_bounded_step()
    {
        // The importance-aware step follows the gradient flow of the margin u: u + eᵘ grows linearly in h, so u only
        // grows like ln h. A plain gradient step would move the score by ~h (here ~10⁶) instead.
        int[] indices = [3, 7];
        float[] values = [1f, 0.5f];
        foreach (float h in new[] { 1f, 10f, 1e3f, 1e6f })
        {
            var sgd = new AdaptiveSgd(4, 0.5f, RegressionLoss.Log);
            sgd.Learn(indices, values, 0f, 1f); // start from a model that predicts below 1/2
            float before = sgd.Predict(indices, values);
            sgd.Learn(indices, values, 1f, h);
            float after = sgd.Predict(indices, values);
            Assert.True(after > before, $"h = {h}: {before} → {after}");
            Assert.InRange(sgd.Score(indices, values), -1f, 30f);
        }
    }

    [Fact]
    public void Learns_a_logistic_model_to_near_the_bayes_log_loss()
    {
        // y ~ Bernoulli(σ(2x₀ − x₁ + 0.5)), x uniform in [−1, 1]²; features x₀, x₁ and a constant.
        var rng = new SeededRandom(3);
        var sgd = new AdaptiveSgd(8, 0.5f, RegressionLoss.Log);
        int[] indices = [1, 2, 3];
        float[] values = new float[3];
        double ours = 0, bayes = 0;
        const int Rounds = 40_000, Tail = 10_000;
        for (int t = 0; t < Rounds; t++)
        {
            values[0] = (float)((2 * rng.NextDouble()) - 1);
            values[1] = (float)((2 * rng.NextDouble()) - 1);
            values[2] = 1f;
            double truth = 1 / (1 + Math.Exp(-((2 * values[0]) - values[1] + 0.5)));
            float y = rng.NextDouble() < truth ? 1f : 0f;
            if (t >= Rounds - Tail)
            {
                double p = sgd.Predict(indices, values);
                ours += -Math.Log(y == 1 ? p : 1 - p) / Tail;
                bayes += -Math.Log(y == 1 ? truth : 1 - truth) / Tail;
            }

            sgd.Learn(indices, values, y);
        }

        // The Bayes loss here is ≈ 0.53; progressive loss of the online fit stays within 0.01 of it.
        Assert.InRange(ours - bayes, -0.01, 0.01);
    }

    [Fact]
    public void Log_loss_refuses_non_binary_targets()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveSgd(4, 0.5f, RegressionLoss.Log).Learn([1], [1f], 0.5f));
}
