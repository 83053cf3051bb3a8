using Hindsight.Simulation;

namespace Hindsight.Tests.Simulation;

public class StatisticsTests
{
    [Fact]
    public void Statistic_matches_the_student_t_interval()
    {
        // Values 1, 2, 3, 4: mean 2.5, sd √(5/3), t(0.975, 3) = 3.182446305 → half-width 3.182446305 · 1.290994 / 2.
        Statistic s = Statistic.Of([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(2.5, s.Mean, 14);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.StandardDeviation!.Value, 12);
        double half = 3.182446305284263 * Math.Sqrt(5.0 / 3) / 2;
        Assert.Equal(2.5 - half, s.Low!.Value, 8);
        Assert.Equal(2.5 + half, s.High!.Value, 8);
    }

    [Fact]
    public void One_run_has_no_spread()
    {
        Statistic s = Statistic.Of([3.0]);
        Assert.Equal(3.0, s.Mean);
        Assert.Null(s.StandardDeviation);
        Assert.Null(s.Low);
    }

    [Fact]
    public void Rate_fit_recovers_the_exponent_of_a_power_law()
    {
        long[] t = Checkpoints.Geometric(100_000);
        double[] sqrt = [.. t.Select(x => 3 * Math.Sqrt(x))];
        RateFit fit = RateFit.LastTwoDecades(t, sqrt);
        Assert.Equal(0.5, fit.Exponent!.Value, 10);
        Assert.Equal(1.0, fit.R2!.Value, 10);
        Assert.Equal(1000, fit.From);
        Assert.Equal(100_000, fit.To);

        // ln t over [10³, 10⁵] has local slope 1/ln t: between 1/ln 10⁵ ≈ 0.087 and 1/ln 10³ ≈ 0.145.
        RateFit log = RateFit.LastTwoDecades(t, [.. t.Select(x => Math.Log(x))]);
        Assert.InRange(log.Exponent!.Value, 0.087, 0.145);
    }

    [Fact]
    public void Rate_fit_is_null_without_two_positive_points()
    {
        long[] t = [1, 10, 100];
        Assert.Null(RateFit.LastTwoDecades(t, [0.0, -1.0, 0.0]).Exponent);
    }

    [Fact]
    public void Checkpoints_are_about_fifty_increasing_rounds_ending_at_the_horizon()
    {
        long[] t = Checkpoints.Geometric(100_000);
        Assert.InRange(t.Length, 40, 50);
        Assert.Equal(1, t[0]);
        Assert.Equal(100_000, t[^1]);
        Assert.True(t.Zip(t.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal([1L], Checkpoints.Geometric(1));
        Assert.Equal([1L, 2, 3], Checkpoints.Geometric(3));
    }
}
