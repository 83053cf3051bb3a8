
namespace Hindsight.Games.Solvers;

/// <summary>
/// All Nash equilibria of a non-degenerate two-player game by support enumeration (Nisan et al., "Algorithmic Game
/// Theory", §3.3; the method of Nashpy's <c>support_enumeration</c>): for every pair of supports I, J of equal size k, solve
/// the indifference equations B_{I,J}ᵀx = w·1, Σx = 1 and A_{I,J}y = v·1, Σy = 1, and keep the pair if x, y ≥ 0 and no
/// pure strategy outside does better. Equal-size supports find every equilibrium of a non-degenerate game; degenerate
/// games may have equilibria this misses (or continua).
/// </summary>
public static class SupportEnumeration
{
    /// <summary>The most support pairs Σₖ C(m, k)·C(n, k) examined.</summary>
    public const long MaxPairs = 2_000_000;

    /// <summary>The support pairs Σₖ C(m, k)·C(n, k) an m × n game has.</summary>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    /// <returns>The count (a double: it overflows a long for large games).</returns>
    public static double PairCount(int rows, int columns)
    {
        double pairs = 0;
        for (int k = 1; k <= Math.Min(rows, columns); k++)
        {
            pairs += MathNet.Numerics.SpecialFunctions.Binomial(rows, k) * MathNet.Numerics.SpecialFunctions.Binomial(columns, k);
        }

        return pairs;
    }

    /// <summary>Finds the equilibria.</summary>
    /// <param name="game">A two-player game.</param>
    /// <param name="tolerance">Feasibility and best-response tolerance.</param>
    /// <returns>The equilibria, in the order found (smaller supports first).</returns>
    /// <exception cref="ArgumentException">Not a two-player game, or too many support pairs.</exception>
    public static IReadOnlyList<Equilibrium> Solve(NormalFormGame game, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Players.Count != 2)
        {
            throw new ArgumentException("Support enumeration solves two-player games.", nameof(game));
        }

        int m = game.StrategyCount(0), n = game.StrategyCount(1);
        double pairs = PairCount(m, n);
        if (pairs > MaxPairs)
        {
            throw new ArgumentException($"{m}×{n}: {pairs} support pairs, more than support enumeration examines ({MaxPairs}).", nameof(game));
        }

        var found = new List<Equilibrium>();
        for (int k = 1; k <= Math.Min(m, n); k++)
        {
            foreach (int[] rows in Subsets(m, k))
            {
                foreach (int[] columns in Subsets(n, k))
                {
                    double[]? y = IndifferenceEquations.Solve(k, k, (r, c) => game.Payoff(0, rows[r], columns[c]), tolerance);
                    if (y is null)
                    {
                        continue;
                    }

                    double[]? x = IndifferenceEquations.Solve(k, k, (c, r) => game.Payoff(1, rows[r], columns[c]), tolerance);
                    if (x is null)
                    {
                        continue;
                    }

                    double[] fx = new double[m], fy = new double[n];
                    for (int i = 0; i < k; i++)
                    {
                        fx[rows[i]] = x[i];
                        fy[columns[i]] = y[i];
                    }

                    if (game.NashGap([fx, fy]) <= tolerance * Math.Max(1, game.LargestPayoffMagnitude) && !found.Any(e => e.IsNear([fx, fy], 1e-7)))
                    {
                        found.Add(Equilibrium.Of(game, fx, fy));
                    }
                }
            }
        }

        return found;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        int[] idx = [.. Enumerable.Range(0, k)];
        while (true)
        {
            yield return [.. idx];
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            idx[i]++;
            for (int j = i + 1; j < k; j++)
            {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }
}
