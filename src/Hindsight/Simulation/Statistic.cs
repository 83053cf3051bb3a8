using MathNet.Numerics.Distributions;

namespace Hindsight.Simulation;

/// <summary>Mean, sample standard deviation and Student-t 95% confidence interval of the mean over runs.</summary>
/// <param name="Count">Number of runs n.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1), or null when n &lt; 2.</param>
/// <param name="Low">Lower end of the 95% interval mean ± t₀.₉₇₅,ₙ₋₁ · sd / √n, or null when n &lt; 2.</param>
/// <param name="High">Upper end of that interval, or null when n &lt; 2.</param>
public readonly record struct Statistic(int Count, double Mean, double? StandardDeviation, double? Low, double? High)
{
    /// <summary>Summarizes values in the order given (the order fixes the floating-point result).</summary>
    /// <param name="values">One value per run.</param>
    /// <returns>The summary.</returns>
    public static Statistic Of(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n == 0)
        {
            return new Statistic(0, 0, null, null, null);
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / n;
        if (n < 2)
        {
            return new Statistic(1, mean, null, null, null);
        }

        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        double sd = Math.Sqrt(squares / (n - 1));
        double half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        return new Statistic(n, mean, sd, mean - half, mean + half);
    }
}
