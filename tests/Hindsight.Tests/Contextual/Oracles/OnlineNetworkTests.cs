using Hindsight.Contextual.Oracles;

namespace Hindsight.Tests.Contextual.Oracles;

public class OnlineNetworkTests
{
    private static double[] Point(Random rng) => [(2 * rng.NextDouble()) - 1, (2 * rng.NextDouble()) - 1];

    /// <summary>XOR of signs: no linear function of (x₀, x₁) fits it better than the constant 1/2.</summary>
    private static double Xor(double[] x) => x[0] * x[1] > 0 ? 1.0 : 0.0;

    [Theory]
    [InlineData(RegressionLoss.Square)]
    [InlineData(RegressionLoss.Log)]
    public void Learns_a_function_no_linear_model_can(RegressionLoss loss)
    {
        var net = new OnlineNetwork(1, 2, 32, loss, 0.5, 0.1);
        net.Reset(3);
        var rng = new Random(1);
        for (int t = 0; t < 40_000; t++)
        {
            double[] x = Point(rng);
            net.Perturb();
            net.Learn(0, x, Xor(x));
        }

        // Mean squared error of the prediction on fresh points: the best linear fit has 0.25 (the constant 1/2).
        double mse = 0;
        for (int i = 0; i < 2000; i++)
        {
            double[] x = Point(rng);
            net.Perturb();
            double e = net.Predict(0, x) - Xor(x);
            mse += e * e / 2000;
        }

        Assert.True(mse < 0.1, $"mse {mse}");
    }

    [Fact]
    public void The_perturbation_vanishes_at_the_initial_weights_and_without_sigma()
    {
        double[] x = [0.3, -0.7];
        var plain = new OnlineNetwork(2, 2, 8, RegressionLoss.Square, 0.5, 0);
        var perturbed = new OnlineNetwork(2, 2, 8, RegressionLoss.Square, 0.5, 0.5);
        plain.Reset(9);
        perturbed.Reset(9);
        perturbed.Perturb(); // θ = θ₀: ⟨ε, θ − θ₀⟩ = 0
        Assert.Equal(plain.Predict(1, x), perturbed.Predict(1, x));

        plain.Learn(1, x, 1);
        double before = plain.Predict(1, x);
        plain.Perturb(); // σ = 0: no change
        Assert.Equal(before, plain.Predict(1, x));

        perturbed.Learn(1, x, 1);
        double[] shifts = [.. Enumerable.Range(0, 50).Select(_ =>
        {
            perturbed.Perturb();
            return perturbed.Predict(1, x);
        })];
        Assert.True(shifts.Distinct().Count() == 50, "after learning, each round's perturbation moves the prediction");
    }

    [Fact]
    public void A_step_moves_the_prediction_towards_the_target()
    {
        double[] x = [0.5, 0.5];
        foreach (RegressionLoss loss in new[] { RegressionLoss.Square, RegressionLoss.Log })
        {
            foreach (double target in new[] { 0.0, 1.0 })
            {
                var net = new OnlineNetwork(3, 2, 16, loss, 0.1, 0);
                net.Reset(4);
                double other = net.Predict(0, x);
                double before = net.Predict(2, x);
                net.Learn(2, x, target);
                double after = net.Predict(2, x);
                Assert.True(Math.Abs(after - target) < Math.Abs(before - target), $"{loss} {target}: {before} → {after}");
                Assert.NotEqual(other, net.Predict(0, x)); // the output layer is shared
            }
        }
    }

    [Fact]
    public void Same_seed_same_network()
    {
        double[] x = [0.1, 0.2];
        var a = new OnlineNetwork(2, 2, 8, RegressionLoss.Log, 0.5, 0.1);
        var b = new OnlineNetwork(2, 2, 8, RegressionLoss.Log, 0.5, 0.1);
        a.Reset(5);
        b.Reset(5);
        for (int t = 0; t < 10; t++)
        {
            a.Perturb();
            b.Perturb();
            a.Learn(t % 2, x, t % 3 == 0 ? 1 : 0);
            b.Learn(t % 2, x, t % 3 == 0 ? 1 : 0);
        }

        Assert.Equal(a.Predict(1, x), b.Predict(1, x));
    }
}
