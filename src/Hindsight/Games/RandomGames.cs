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

    /// <summary>A random n-player general-sum game.</summary>
    /// <param name="strategies">Each player's number of strategies (≥ 1 each, at least one player).</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The game.</returns>
    public static NormalFormGame GeneralSum(IReadOnlyList<int> strategies, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        var rng = new SeededRandom(seed);
        if (strategies.Count < 1 || strategies.Any(k => k < 1))
        {
            throw new ArgumentException("A game needs at least one player and at least one strategy each.", nameof(strategies));
        }

        if (!NormalFormGame.TryCountProfiles(strategies, out long profiles))
        {
            throw new ArgumentException($"The game would have more than {NormalFormGame.MaxProfiles:N0} pure profiles.", nameof(strategies));
        }

        double[][] payoffs = [.. strategies.Select(_ => new double[profiles])];
        for (int p = 0; p < payoffs[0].Length; p++)
        {
            foreach (double[] player in payoffs)
            {
                player[p] = (2 * rng.NextDouble()) - 1;
            }
        }

        string shape = string.Join("x", strategies);
        return new NormalFormGame(
            $"Random general-sum {shape} (seed {seed})",
            [.. strategies.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. strategies.Select(k => (IReadOnlyList<string>)[.. Enumerable.Range(1, k).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))])],
            payoffs);
    }
}
