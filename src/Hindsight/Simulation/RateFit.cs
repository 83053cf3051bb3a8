namespace Hindsight.Simulation;

/// <summary>
/// The growth exponent of a regret curve: the least-squares slope of ln(mean regret) against ln t over the
/// checkpoints in [From, To] (by default the last two decades, [T/100, T]). About 0 for logarithmic regret,
/// 0.5 for √T, 1 for linear.
/// </summary>
/// <param name="Exponent">The fitted slope, or null when fewer than two positive points lie in range.</param>
/// <param name="R2">The coefficient of determination of the fit, or null.</param>
/// <param name="From">First round of the fitting range.</param>
/// <param name="To">Last round of the fitting range.</param>
public readonly record struct RateFit(double? Exponent, double? R2, long From, long To)
{
    /// <summary>Fits the exponent over the last two decades of the checkpoints.</summary>
    /// <param name="checkpoints">The rounds.</param>
    /// <param name="means">The mean regret at each round.</param>
    /// <returns>The fit.</returns>
    public static RateFit LastTwoDecades(ReadOnlySpan<long> checkpoints, ReadOnlySpan<double> means)
    {
        long to = checkpoints[^1];
        long from = Math.Max(1, to / 100);
        return Fit(checkpoints, means, from, to);
    }

    /// <summary>Fits the exponent over the checkpoints in [from, to] whose mean is positive.</summary>
    /// <param name="checkpoints">The rounds.</param>
    /// <param name="means">The mean regret at each round.</param>
    /// <param name="from">First round of the range.</param>
    /// <param name="to">Last round of the range.</param>
    /// <returns>The fit.</returns>
    public static RateFit Fit(ReadOnlySpan<long> checkpoints, ReadOnlySpan<double> means, long from, long to)
    {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < checkpoints.Length; i++)
        {
            if (checkpoints[i] < from || checkpoints[i] > to || !(means[i] > 0))
            {
                continue;
            }

            double x = Math.Log(checkpoints[i]);
            double y = Math.Log(means[i]);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
        }

        if (n < 2)
        {
            return new RateFit(null, null, from, to);
        }

        double vx = sxx - (sx * sx / n);
        double vy = syy - (sy * sy / n);
        double cxy = sxy - (sx * sy / n);
        if (vx <= 0)
        {
            return new RateFit(null, null, from, to);
        }

        double slope = cxy / vx;
        double? r2 = vy > 0 ? cxy * cxy / (vx * vy) : 1.0;
        return new RateFit(slope, r2, from, to);
    }
}
