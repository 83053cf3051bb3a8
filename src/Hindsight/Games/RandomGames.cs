using Hindsight.Numerics;

namespace Hindsight.Games;

/// <summary>Random games with payoffs uniform on [−1, 1], reproducible from a seed.</summary>
public static class RandomGames
{
    /// <summary>A random m × n zero-sum game.</summary>
    /// <param name="rows">m ≥ 1.</param>
    /// <param name="columns">n ≥ 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The game.</returns>
    public static NormalFormGame ZeroSum(int rows, int columns, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var a = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                a[r, c] = (2 * rng.NextDouble()) - 1;
            }
        }

        return NormalFormGame.ZeroSum($"Random zero-sum {rows}x{columns} (seed {seed})", a);
    }

    /// <summary>A random m × n general-sum (bimatrix) game.</summary>
    /// <param name="rows">m ≥ 1.</param>
    /// <param name="columns">n ≥ 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The game.</returns>
    public static NormalFormGame GeneralSum(int rows, int columns, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var a = new double[rows, columns];
        var b = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                a[r, c] = (2 * rng.NextDouble()) - 1;
                b[r, c] = (2 * rng.NextDouble()) - 1;
            }
        }

        return NormalFormGame.Bimatrix($"Random general-sum {rows}x{columns} (seed {seed})", a, b);
    }
}
