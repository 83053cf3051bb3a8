namespace Hindsight.Oco.Domains;

/// <summary>The box [lo, hi]ᵈ.</summary>
public sealed class Box : IConvexDomain
{
    /// <summary>Creates the box.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="low">The lower bound of every coordinate.</param>
    /// <param name="high">The upper bound (&gt; low).</param>
    public Box(int dimension, double low = -1, double high = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(high > low) || double.IsInfinity(low) || double.IsInfinity(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), "The box needs finite bounds with low < high.");
        }

        Dimension = dimension;
        Low = low;
        High = high;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The lower bound.</summary>
    public double Low { get; }

    /// <summary>The upper bound.</summary>
    public double High { get; }

    /// <inheritdoc />
    public double Diameter => (High - Low) * Math.Sqrt(Dimension);

    /// <inheritdoc />
    public double MaxNorm => Math.Max(Math.Abs(Low), Math.Abs(High)) * Math.Sqrt(Dimension);

    /// <inheritdoc />
    public void Project(Span<double> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], Low, High);
        }
    }

    /// <inheritdoc />
    public void MinimizeLinear(ReadOnlySpan<double> g, Span<double> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = g[i] > 0 ? Low : g[i] < 0 ? High : Math.Clamp(0, Low, High);
        }
    }
}
