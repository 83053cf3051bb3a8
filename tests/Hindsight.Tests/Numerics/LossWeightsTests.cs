using Hindsight.Numerics;

namespace Hindsight.Tests.Numerics;

public class LossWeightsTests
{
    private static double[] Reference(double[] losses, double eta)
    {
        double least = losses.Min();
        double[] w = [.. losses.Select(l => Math.Exp(Math.Max(-eta * (l - least), -700)))];
        double sum = w.Sum();
        return [.. w.Select(x => x / sum)];
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(3.0)]
    public void Every_size_matches_the_definition_on_both_paths(double eta)
    {
        var rng = new Random(3);
        for (int k = 1; k <= 40; k++) // up to 16 in registers, then TensorPrimitives
        {
            double[] losses = [.. Enumerable.Range(0, k).Select(_ => rng.NextDouble() * 300)];
            double[] expected = Reference(losses, eta);
            double[] p = new double[k];
            LossWeights.Normalized(losses, eta, p);
            for (int i = 0; i < k; i++)
            {
                Assert.Equal(expected[i], p[i], 1e-14);
            }

            double[] w = new double[k];
            double sum = LossWeights.Unnormalized(losses, eta, w);
            Assert.Equal(w.Sum(), sum, 1e-12);
            Assert.Equal(1.0, w.Max()); // shifted by the minimum loss

            if (k <= LossWeights.PaddedLimit)
            {
                int stride = (k + 3) / 4 * 4;
                double[] padded = [.. losses, .. Enumerable.Repeat(double.PositiveInfinity, stride - k)];
                double[] q = new double[stride];
                LossWeights.NormalizedPadded(padded, k, eta, q);
                Assert.Equal(p, q[..k]); // bit for bit
                Assert.All(q[k..], x => Assert.Equal(0.0, x));
            }
        }
    }

    [Fact]
    public void Padded_losses_of_a_wrong_shape_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LossWeights.NormalizedPadded(new double[6], 5, 1, new double[8]));
        Assert.Throws<ArgumentException>(() => LossWeights.NormalizedPadded(new double[20], 17, 1, new double[20]));
        Assert.Throws<ArgumentException>(() => LossWeights.NormalizedPadded(new double[8], 8, 1, new double[4]));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    public void A_nan_loss_gives_nan_weights_on_both_paths(int k)
    {
        double[] losses = new double[k];
        losses[k / 2] = double.NaN;
        double[] p = new double[k];
        LossWeights.Normalized(losses, 0.5, p);
        Assert.Contains(p, double.IsNaN);
        Assert.True(double.IsNaN(LossWeights.Unnormalized(new double[k], double.NaN, p)));
    }
}
