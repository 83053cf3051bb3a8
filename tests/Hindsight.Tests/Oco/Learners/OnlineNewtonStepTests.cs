using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;
using Hindsight.Oco;
using Hindsight.Oco.Learners;

namespace Hindsight.Tests.Oco.Learners;

public class OnlineNewtonStepTests
{
    [Fact]
    public void The_step_is_the_projection_in_the_A_norm()
    {
        // d = 2, box [−1, 1]²: one update from x₀ = 0 with gradient g; compare with a brute-force minimization of
        // (y − x)ᵀA(y − x) over a fine grid, A = εI + ggᵀ, y = −(1/γ) A⁻¹ g.
        var box = new Box(2, -1, 1);
        var ons = new OnlineNewtonStep(box, gradientBound: 0.01, alpha: 1); // γ = ½, ε = ½: a long, anisotropic step
        double gamma = ons.Gamma, eps = 1 / (gamma * gamma * box.Diameter * box.Diameter);
        double[] g = [0.8, -0.3];
        ons.Update(g);
        double[] x = new double[2];
        ons.Predict(x);

        double a11 = eps + (g[0] * g[0]), a12 = g[0] * g[1], a22 = eps + (g[1] * g[1]);
        double det = (a11 * a22) - (a12 * a12);
        double[] y = [-((a22 * g[0]) - (a12 * g[1])) / det / gamma, -((a11 * g[1]) - (a12 * g[0])) / det / gamma];
        Assert.True(Math.Abs(y[0]) > 1 || Math.Abs(y[1]) > 1, "the test needs y outside the box");
        double Q(double u, double v) => (a11 * (y[0] - u) * (y[0] - u)) + (2 * a12 * (y[0] - u) * (y[1] - v)) + (a22 * (y[1] - v) * (y[1] - v));
        double best = double.PositiveInfinity;
        (double, double) arg = (0, 0);
        for (int i = 0; i <= 2000; i++)
        {
            for (int j = 0; j <= 2000; j++)
            {
                double u = -1 + (i / 1000.0), v = -1 + (j / 1000.0);
                double q = Q(u, v);
                if (q < best)
                {
                    (best, arg) = (q, (u, v));
                }
            }
        }

        Assert.True(Q(x[0], x[1]) <= best + 1e-9, $"ONS point ({x[0]}, {x[1]}) value {Q(x[0], x[1])} vs grid {best} at {arg}");
        Assert.InRange(x[0], -1, 1);
        Assert.InRange(x[1], -1, 1);
    }

    [Fact]
    public void Regret_stays_under_the_exp_concave_bound()
    {
        // ½‖x − zₜ‖² with noise: α = 1/G², bound 5(1/α + GD)·d·ln T (Hazan, Theorem 4.5); five runs, each checked.
        const long T = 5000;
        var ball = new Ball(3, 1);
        var stream = new QuadraticSeaLosses(3, sigma: 0.5, rho: 0.3, period: 50);
        double g = stream.GradientBound(ball);
        double bound = 5 * ((g * g) + (g * ball.Diameter)) * 3 * Math.Log(T);
        for (int run = 0; run < 5; run++)
        {
            double[] record = new double[3];
            OcoRunner.Play(new OnlineNewtonStep(ball, g, 1 / (g * g)), stream.Start(2, run), ball, T, [T], 0, record);
            Assert.True(record[0] <= bound, $"run {run}: regret {record[0]} > {bound}");
        }
    }

    [Fact]
    public void Converges_to_the_target_when_losses_do_not_change()
    {
        var ball = new Ball(3, 1);
        var stream = new QuadraticSeaLosses(3, sigma: 0, rho: 0, period: 1, scale: 2); // the target lies outside the ball
        double[] record = new double[6];
        OcoRunner.Play(new OnlineNewtonStep(ball, stream.GradientBound(ball), 1 / Math.Pow(stream.GradientBound(ball), 2)), stream.Start(1, 0), ball, 20_000, [10_000, 20_000], 0, record);
        Assert.True(record[1] - record[0] < 1e-3, $"regret still growing: {record[0]} → {record[1]}");
    }
}
