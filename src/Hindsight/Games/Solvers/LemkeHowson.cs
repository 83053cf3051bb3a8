namespace Hindsight.Games.Solvers;

/// <summary>
/// Nash equilibria of a two-player game by the Lemke–Howson algorithm (Lemke and Howson, "Equilibrium points of
/// bimatrix games", SIAM J. Appl. Math. 1964; in the form of von Stengel, "Computing equilibria for two-person games",
/// Handbook of Game Theory 3, 2002). With both payoff matrices shifted positive, the polytopes
/// P = {x ≥ 0 : Bᵀx ≤ 1} and Q = {y ≥ 0 : A y ≤ 1} carry labels (a pure strategy is a label of a point when it is unused
/// or a best response there); starting at (0, 0), which has every label, dropping one label k and pivoting
/// complementarily (the label that leaves one tableau enters the other) ends at a completely labelled pair other than
/// (0, 0): an equilibrium, after normalizing x and y. Ties in the ratio test are broken lexicographically, so degenerate
/// games do not cycle.
/// </summary>
/// <remarks>Written by hand: no maintained .NET package implements complementary pivoting (Gambit and Nashpy are C++ and
/// Python).</remarks>
public static class LemkeHowson
{
    /// <summary>The equilibrium reached by dropping one label.</summary>
    /// <param name="game">A two-player game.</param>
    /// <param name="label">0 … m − 1: the row player's strategies; m … m + n − 1: the column player's.</param>
    /// <returns>The equilibrium.</returns>
    /// <exception cref="ArgumentException">Not a two-player game, or the label is out of range.</exception>
    public static Equilibrium Solve(NormalFormGame game, int label = 0)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Players.Count != 2)
        {
            throw new ArgumentException("Lemke–Howson solves two-player games.", nameof(game));
        }

        int m = game.StrategyCount(0), n = game.StrategyCount(1);
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(label, m + n);
        double shift = Math.Max(1, 1 - Math.Min(game.LowestPayoff(0), game.LowestPayoff(1)));

        // Tableau P: rows j (the column player's strategies), Bᵀx + s = 1; x_i has label i, s_j label m + j.
        // Tableau Q: rows i (the row player's strategies), A y + r = 1; r_i has label i, y_j label m + j.
        var p = new Tableau(n, m + n, m);
        var q = new Tableau(m, m + n, 0);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                p[j, i] = game.Payoff(1, i, j) + shift;
            }

            p[j, m + j] = 1;
            p.Basis[j] = m + j;
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                q[i, m + j] = game.Payoff(0, i, j) + shift;
            }

            q[i, i] = 1;
            q.Basis[i] = i;
        }

        int entering = label;
        Tableau current = label < m ? p : q;
        int limit = 100 * (m + n) * (m + n);
        for (int step = 0; ; step++)
        {
            if (step > limit)
            {
                throw new InvalidOperationException("Lemke–Howson did not terminate (numerical trouble).");
            }

            int leaving = current.Pivot(entering);
            if (leaving == label)
            {
                break;
            }

            entering = leaving;
            current = ReferenceEquals(current, p) ? q : p;
        }

        return Equilibrium.Of(game, p.Values(0, m), q.Values(m, n));
    }

    /// <summary>The distinct equilibria reached from every starting label (the Lemke–Howson network's reach; a game may
    /// have equilibria no label reaches).</summary>
    /// <param name="game">A two-player game.</param>
    /// <param name="tolerance">Two equilibria within this distance (every probability) are one.</param>
    /// <returns>The distinct equilibria, in the order of their first label.</returns>
    public static IReadOnlyList<Equilibrium> All(NormalFormGame game, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Players.Count != 2)
        {
            throw new ArgumentException("Lemke–Howson solves two-player games.", nameof(game));
        }

        var found = new List<Equilibrium>();
        for (int label = 0; label < game.StrategyCount(0) + game.StrategyCount(1); label++)
        {
            Equilibrium e = Solve(game, label);
            if (!found.Any(f => f.IsNear(e.Strategies, tolerance)))
            {
                found.Add(e);
            }
        }

        return found;
    }

    /// <summary>A simplex tableau: rows of coefficients over every label's variable, then the right-hand side.</summary>
    private sealed class Tableau
    {
        private readonly double[,] _t;
        private readonly int _columns;
        private readonly int _slackStart; // the slack variables' first label (their columns form the initial basis)

        public Tableau(int rows, int variables, int slackStart)
        {
            _t = new double[rows, variables + 1];
            _columns = variables;
            _slackStart = slackStart;
            Basis = new int[rows];
            for (int r = 0; r < rows; r++)
            {
                _t[r, variables] = 1;
            }
        }

        public int[] Basis { get; }

        public double this[int row, int column]
        {
            get => _t[row, column];
            set => _t[row, column] = value;
        }

        /// <summary>Brings a variable into the basis by the lexicographic minimum-ratio rule; returns the label that left.</summary>
        public int Pivot(int entering)
        {
            int rows = Basis.Length, best = -1;
            for (int r = 0; r < rows; r++)
            {
                if (_t[r, entering] <= 1e-12)
                {
                    continue;
                }

                if (best < 0 || LexLess(r, best, entering))
                {
                    best = r;
                }
            }

            if (best < 0)
            {
                throw new InvalidOperationException("Lemke–Howson met an unbounded ray (the payoffs were not made positive).");
            }

            double pivot = _t[best, entering];
            for (int c = 0; c <= _columns; c++)
            {
                _t[best, c] /= pivot;
            }

            for (int r = 0; r < rows; r++)
            {
                double factor = _t[r, entering];
                if (r == best || factor == 0)
                {
                    continue;
                }

                for (int c = 0; c <= _columns; c++)
                {
                    _t[r, c] -= factor * _t[best, c];
                }
            }

            int leaving = Basis[best];
            Basis[best] = entering;
            return leaving;
        }

        /// <summary>Row a's (rhs, slack columns…) / pivot is lexicographically smaller than row b's.</summary>
        private bool LexLess(int a, int b, int entering)
        {
            double pa = _t[a, entering], pb = _t[b, entering];
            double da = _t[a, _columns] / pa, db = _t[b, _columns] / pb;
            if (Math.Abs(da - db) > 1e-12 * Math.Max(1, Math.Abs(da)))
            {
                return da < db;
            }

            for (int k = 0; k < Basis.Length; k++)
            {
                double va = _t[a, _slackStart + k] / pa, vb = _t[b, _slackStart + k] / pb;
                if (Math.Abs(va - vb) > 1e-12)
                {
                    return va < vb;
                }
            }

            return false;
        }

        /// <summary>The values of the variables with labels start … start + count − 1 (zero when not basic).</summary>
        public double[] Values(int start, int count)
        {
            double[] v = new double[count];
            for (int r = 0; r < Basis.Length; r++)
            {
                int label = Basis[r];
                if (label >= start && label < start + count)
                {
                    v[label - start] = _t[r, _columns];
                }
            }

            return v;
        }
    }
}
