using Hindsight.Contextual.Policies;
using Hindsight.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Tests.Contextual.Policies;

public class LinUcbTests
{
    [Fact]
    public void Sherman_morrison_updates_match_the_direct_ridge_solution()
    {
        // Given 200 random (x, r) on one arm, A⁻¹ and θ̂ kept by rank-one updates equal (λI + XᵀX)⁻¹ and (λI + XᵀX)⁻¹ Xᵀr.
        const int d = 6;
        var ridge = new RidgeArms(2, 0.5);
        ridge.Ensure(d);
        var rng = new SeededRandom(3);
        var a = Matrix<double>.Build.DenseIdentity(d) * 0.5;
        var b = Vector<double>.Build.Dense(d);
        for (int n = 0; n < 200; n++)
        {
            double[] x = [.. Enumerable.Range(0, d).Select(_ => (rng.NextDouble() * 2) - 1)];
            double r = rng.NextDouble();
            ridge.Add(1, x, r);
            var v = Vector<double>.Build.Dense(x);
            a += v.OuterProduct(v);
            b += v * r;
        }

        Matrix<double> inverse = a.Inverse();
        Vector<double> theta = inverse * b;
        double[] inv = ridge.Inverse(1).ToArray();
        for (int i = 0; i < d; i++)
        {
            Assert.Equal(theta[i], ridge.Theta(1)[i], 9);
            for (int j = 0; j < d; j++)
            {
                Assert.Equal(inverse[i, j], inv[(i * d) + j], 9);
            }
        }

        // The untouched arm still has A⁻¹ = I/λ and θ̂ = 0.
        Assert.Equal(2.0, ridge.Inverse(0)[0], 12);
        Assert.All(ridge.Theta(0).ToArray(), t => Assert.Equal(0.0, t));
    }

    [Fact]
    public void Linucb_index_is_mean_plus_alpha_times_the_confidence_width()
    {
        // Before any data: θ̂ = 0, A⁻¹ = I/λ, so every arm's index is α √(‖x‖²/λ) and arm 0 wins the tie.
        var policy = new LinUcb(3, alpha: 2.0, lambda: 4.0);
        policy.Reset(0);
        Assert.Equal(0, policy.Choose([0.6, 0.8]));
        // After arm 0 pays −1 for x, its mean drops: another arm is chosen for the same x.
        policy.Update([0.6, 0.8], 0, -1.0);
        Assert.NotEqual(0, policy.Choose([0.6, 0.8]));
    }
}
