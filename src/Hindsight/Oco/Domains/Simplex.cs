namespace Hindsight.Oco.Domains;

/// <summary>The probability simplex {x ≥ 0 : Σ xᵢ = 1}.</summary>
public sealed class Simplex : IConvexDomain
{
    private readonly double[] _sorted;

    /// <summary>Creates the simplex.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    public Simplex(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        _sorted = new double[dimension];
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public double Diameter => Dimension > 1 ? Math.Sqrt(2) : 0;

    /// <inheritdoc />
    /// <remarks>The sort-based projection (Held, Wolfe and Crowder 1974; Duchi, Shalev-Shwartz, Singer and Chandra,
    /// "Efficient projections onto the ℓ1-ball", ICML 2008): xᵢ ← max(xᵢ − θ, 0) with θ from the sorted values.
    /// O(d log d); not reentrant (a buffer is reused).</remarks>
    public void Project(Span<double> x)
    {
        x.CopyTo(_sorted);
        Array.Sort(_sorted);
        double cumulative = 0, theta = 0;
        for (int k = 1; k <= _sorted.Length; k++)
        {
            double value = _sorted[^k]; // k-th largest
            cumulative += value;
            double candidate = (cumulative - 1) / k;
            if (value - candidate > 0)
            {
                theta = candidate;
            }
        }

        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Max(x[i] - theta, 0);
        }
    }

    /// <inheritdoc />
    public void MinimizeLinear(ReadOnlySpan<double> g, Span<double> x)
    {
        int best = 0;
        for (int i = 1; i < g.Length; i++)
        {
            if (g[i] < g[best])
            {
                best = i;
            }
        }

        x.Clear();
        x[best] = 1;
    }
}
