using CsCheck;
using Hindsight.Oco;
using Hindsight.Oco.Domains;

namespace Hindsight.Tests.Oco.Domains;

public class DomainTests
{
    /// <summary>The projection is the nearest point: no point of the domain (sampled) is closer.</summary>
    private static void ProjectionIsNearest(IConvexDomain domain, double[] x, double[][] members)
    {
        double[] p = (double[])x.Clone();
        domain.Project(p);
        double d = Distance(p, x);
        foreach (double[] m in members)
        {
            Assert.True(d <= Distance(m, x) + 1e-9);
        }
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (u, v) => (u - v) * (u - v)).Sum());

    [Fact]
    public void Simplex_projection_lands_on_the_simplex_and_is_the_nearest_point()
        => Gen.Double[-3, 3].Array[4].Sample(x =>
        {
            var simplex = new Simplex(4);
            double[] p = (double[])x.Clone();
            simplex.Project(p);
            Assert.True(p.All(v => v >= 0));
            Assert.Equal(1, p.Sum(), 9);
            double[][] members = [.. Enumerable.Range(0, 50).Select(k => Enumerable.Range(0, 4).Select(i => (double)((k * 7) + (i * 3)) % 5 + 0.01).ToArray()).Select(v => v.Select(e => e / v.Sum()).ToArray())];
            ProjectionIsNearest(simplex, x, [.. members, p]);
        });

    [Fact]
    public void Simplex_projection_is_reentrant()
    {
        // Runs of an OCO study share one domain across threads: projecting in parallel must give the serial answers.
        var simplex = new Simplex(700); // above the stack buffer's 512: the pooled path too
        var small = new Simplex(12);
        foreach (Simplex domain in new[] { simplex, small })
        {
            var rng = new Random(8);
            double[][] points = [.. Enumerable.Range(0, 64).Select(_ => Enumerable.Range(0, domain.Dimension).Select(_ => (rng.NextDouble() * 4) - 2).ToArray())];
            double[][] serial = [.. points.Select(p => (double[])p.Clone())];
            foreach (double[] p in serial)
            {
                domain.Project(p);
            }

            double[][] parallel = [.. points.Select(p => (double[])p.Clone())];
            Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                for (int repeat = 0; repeat < 20; repeat++)
                {
                    double[] copy = (double[])points[i].Clone();
                    domain.Project(copy);
                    copy.CopyTo(parallel[i], 0);
                }
            });
            Assert.Equal(serial, parallel);
        }
    }

    [Fact]
    public void Ball_and_box_projections_and_linear_minimizers()
    {
        var ball = new Ball(2, 2);
        double[] x = [3, 4];
        ball.Project(x);
        Assert.Equal(1.2, x[0], 12);
        Assert.Equal(1.6, x[1], 12);
        ball.MinimizeLinear([3, 4], x);
        Assert.Equal(-1.2, x[0], 12);
        Assert.Equal(-1.6, x[1], 12);

        var box = new Box(3, -1, 2);
        double[] y = [5, -7, 0.5];
        box.Project(y);
        Assert.Equal([2, -1, 0.5], y);
        box.MinimizeLinear([1, -1, 0], y);
        Assert.Equal([-1, 2, 0], y);

        double[] z = new double[3];
        new Simplex(3).MinimizeLinear([0.5, -1, 2], z);
        Assert.Equal([0, 1, 0], z);
    }
}
