using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;
using Hindsight.Oco.Learners;

namespace Hindsight.Tests.Oco.Learners;

public class AdaGradTests
{
    [Fact]
    public void Regret_stays_under_the_diagonal_bound()
    {
        // ≤ √2 D∞ Σᵢ √(Σₜ g²ₜ,ᵢ) on the box [−1, 1]¹⁰ (D∞ = 2), checked with the realized gradients.
        var box = new Box(10);
        var stream = new LinearSeaStream(10, 1, 0.3, 1, 4, 0);
        long[] checkpoints = [100, 1000, 10_000];
        double[] regret = Hindsight.Oco.OcoPlay.Linear(new AdaGrad(box), stream, box, checkpoints);
        double[] g = new double[10], squares = new double[10];
        int c = 0;
        for (long t = 1; c < checkpoints.Length; t++)
        {
            stream.Loss(t, g);
            for (int i = 0; i < 10; i++)
            {
                squares[i] += g[i] * g[i];
            }

            if (t == checkpoints[c])
            {
                double bound = Math.Sqrt(2) * 2 * squares.Sum(Math.Sqrt);
                Assert.True(regret[c] <= bound, $"t = {t}: {regret[c]} > {bound}");
                c++;
            }
        }
    }

    [Fact]
    public void Each_coordinate_steps_independently_of_its_gradient_scale()
    {
        var adagrad = new AdaGrad(new Box(2, -10, 10));
        adagrad.Reset(0);
        adagrad.Update([4, 0.5]);
        double[] x = new double[2];
        adagrad.Predict(x);
        Assert.Equal(x[0], x[1], 12); // the first step is η·sign(g) on every coordinate
        adagrad.Update([4, 0.5]);
        adagrad.Predict(x);
        Assert.Equal(x[0], x[1], 12); // scale-free: g/√Σg² is the same for both
    }
}
