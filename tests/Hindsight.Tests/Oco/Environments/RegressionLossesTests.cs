using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Environments;

namespace Hindsight.Tests.Oco.Environments;

public class RegressionLossesTests
{
    /// <summary>One feature plus the constant: w ∈ [−2, 2]², small enough to check by a grid.</summary>
    private static RegressionLosses Stream(PredictionLoss loss)
    {
        var rng = new Random(3);
        var x = new List<double[]>();
        var y = new List<double>();
        bool labels = loss is PredictionLoss.Logistic or PredictionLoss.Hinge;
        for (int i = 0; i < 60; i++)
        {
            double f = (rng.NextDouble() * 2) - 1;
            x.Add([f]);
            y.Add(labels ? (f + (0.4 * (rng.NextDouble() - 0.5)) > 0.1 ? 1 : 0) : Math.Clamp(0.5 + (0.3 * f) + (0.1 * (rng.NextDouble() - 0.5)), 0, 1));
        }

        return new RegressionLosses(x, y, loss);
    }

    private static double GridMinimum(Func<double[], double> f, double h = 0.005)
    {
        double best = double.PositiveInfinity;
        for (double a = -2; a <= 2 + 1e-12; a += h)
        {
            for (double b = -2; b <= 2 + 1e-12; b += h)
            {
                best = Math.Min(best, f([a, b]));
            }
        }

        return best;
    }

    [Theory]
    [InlineData(PredictionLoss.Square)]
    [InlineData(PredictionLoss.Absolute)]
    [InlineData(PredictionLoss.Logistic)]
    [InlineData(PredictionLoss.Hinge)]
    public void Comparators_match_a_grid_search(PredictionLoss loss)
    {
        var box = new Box(2, -2, 2);
        RegressionLosses stream = Stream(loss);
        IOcoRun run = stream.Start(1, 0);

        // Each round's minimum is exact: no grid point beats it, and the grid comes within its resolution.
        for (long t = 1; t <= 5; t++)
        {
            double exact = run.RoundMinimum(t, box);
            double grid = GridMinimum(w => run.Loss(t, w), 0.02);
            Assert.True(exact <= grid + 1e-12 && grid - exact < 0.05, $"round {t}: {exact} vs grid {grid}");
        }

        // The best fixed w over rows 1..60: the solver is never beaten by the grid by more than the surrogate's slack
        // (n·μ/2 for the non-smooth losses), and beats the grid's value up to its resolution.
        ILossWindow window = run.NewWindow();
        for (long t = 1; t <= 60; t++)
        {
            window.Add(t);
        }

        double solver = window.Minimum(box);
        double gridAll = GridMinimum(w => Enumerable.Range(1, 60).Sum(t => run.Loss(t, w)));
        bool smooth = loss is PredictionLoss.Square or PredictionLoss.Logistic;
        double slack = smooth ? 1e-6 : 60 * 1e-4 / 2;
        Assert.True(solver <= gridAll + slack, $"{loss}: solver {solver} > grid {gridAll}");
        Assert.True(solver >= gridAll - 0.05, $"{loss}: solver {solver} far below grid {gridAll}: not a loss value");
        Assert.False(window.IsExact); // a solver's answer: the runner restricts adaptive regret to long intervals
    }

    [Fact]
    public void Classification_losses_need_a_binary_target()
    {
        Assert.Throws<ArgumentException>(() => new RegressionLosses([[0.1], [0.2]], [0.5, 1], PredictionLoss.Hinge));
    }
}
