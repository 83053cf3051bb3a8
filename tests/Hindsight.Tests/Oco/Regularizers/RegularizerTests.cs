using CsCheck;
using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Regularizers;

namespace Hindsight.Tests.Oco.Regularizers;

/// <summary>Each leader map solves its first-order conditions: ∂R(x)/∂xᵢ / η + gᵢ is the same for every coordinate.</summary>
public class RegularizerTests
{
    private static void Check(IRegularizer r, Func<double, double> dR, double[] g, double eta)
    {
        double[] x = new double[g.Length];
        r.Leader(g, eta, x);
        Assert.Equal(1, x.Sum(), 9);
        Assert.All(x, v => Assert.True(v > 0));
        double[] stationarity = [.. x.Select((v, i) => (dR(v) / eta) + g[i])];
        Assert.True(stationarity.Max() - stationarity.Min() < 1e-6 * (1 + stationarity.Select(Math.Abs).Max()), string.Join(", ", stationarity));
    }

    [Fact]
    public void Negative_entropy_log_barrier_and_half_tsallis_leaders_are_stationary_on_the_simplex()
        => Gen.Double[-5, 5].Array[2, 8].Select(Gen.Double[0.05, 5]).Sample((g, eta) =>
        {
            var simplex = new Simplex(g.Length);
            Check(new NegativeEntropy(simplex), v => Math.Log(v) + 1, g, eta);
            Check(new LogBarrier(simplex), v => -1 / v, g, eta);
            Check(new HalfTsallis(simplex), v => -1 / Math.Sqrt(v), g, eta);
        });

    [Fact]
    public void The_squared_norm_leader_is_the_projection_of_minus_eta_g()
    {
        var ball = new Ball(2);
        double[] x = new double[2];
        new SquaredNorm(ball).Leader([3, 4], 0.1, x);
        Assert.Equal(-0.3, x[0], 12);
        Assert.Equal(-0.4, x[1], 12);
        new SquaredNorm(ball).Leader([3, 4], 10, x);
        Assert.Equal(-0.6, x[0], 12);
        Assert.Equal(-0.8, x[1], 12);
    }
}
