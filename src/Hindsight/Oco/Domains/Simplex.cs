namespace Hindsight.Oco.Domains;

/// <summary>The probability simplex {x ≥ 0 : Σ xᵢ = 1}.</summary>
public sealed class Simplex : IConvexDomain
{

    /// <summary>Creates the simplex.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    public Simplex(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public double Diameter => Dimension > 1 ? Math.Sqrt(2) : 0;

    /// <inheritdoc />
    public double MaxNorm => 1;

    /// <inheritdoc />
    /// <remarks>The sort-based projection (Held, Wolfe and Crowder 1974; Duchi, Shalev-Shwartz, Singer and Chandra,
    /// "Efficient projections onto the ℓ1-ball", ICML 2008): xᵢ ← max(xᵢ − θ, 0) with θ from the sorted values.
    /// O(d log d). Reentrant: runs on several threads share one domain, so the sort buffer is the caller's stack (or a
    /// pooled array above 512 coordinates), never a field.</remarks>
    public void Project(Span<double> x)
    {
        double[]? rented = x.Length > 512 ? System.Buffers.ArrayPool<double>.Shared.Rent(x.Length) : null;
        Span<double> sorted = rented is null ? stackalloc double[x.Length] : rented.AsSpan(0, x.Length);
        x.CopyTo(sorted);
        sorted.Sort();
        double cumulative = 0, theta = 0;
        for (int k = 1; k <= sorted.Length; k++)
        {
            double value = sorted[^k]; // k-th largest
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

        if (rented is not null)
        {
            System.Buffers.ArrayPool<double>.Shared.Return(rented);
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
