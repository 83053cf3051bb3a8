namespace Hindsight.Games;

/// <summary>
/// A finite game in normal (strategic) form: n players, each with a finite set of pure strategies, and every player's
/// payoff at every pure profile. Profiles are indexed as in Gambit's .nfg files: player 1's strategy varies fastest.
/// </summary>
public sealed class NormalFormGame
{
    private readonly double[][] _payoffs; // [player][profile index]
    private readonly int[] _strides;
    private readonly double[] _low; // [player]: the smallest payoff
    private readonly double[] _high; // [player]: the largest payoff

    /// <summary>Creates a game.</summary>
    /// <param name="title">A title.</param>
    /// <param name="players">The players' names.</param>
    /// <param name="strategies">Each player's strategy names (at least one each).</param>
    /// <param name="payoffs">payoffs[i][k]: player i's payoff at profile k (player 1's strategy varies fastest).</param>
    public NormalFormGame(string title, IReadOnlyList<string> players, IReadOnlyList<IReadOnlyList<string>> strategies, double[][] payoffs)
    {
        ArgumentNullException.ThrowIfNull(players);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(payoffs);
        if (players.Count < 1 || strategies.Count != players.Count || payoffs.Length != players.Count)
        {
            throw new ArgumentException("Players, strategy lists and payoff tables must agree in number (≥ 1).");
        }

        if (strategies.Any(s => s.Count < 1))
        {
            throw new ArgumentException("Every player needs at least one strategy.");
        }

        if (!TryCountProfiles(strategies.Select(s => s.Count), out long profiles))
        {
            throw new ArgumentException($"The game has more than {MaxProfiles:N0} pure profiles.");
        }

        _strides = new int[players.Count];
        for (int i = 0, stride = 1; i < players.Count; stride *= strategies[i].Count, i++)
        {
            _strides[i] = stride;
        }

        if (payoffs.Any(p => p.Length != profiles || p.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException($"Each player needs {profiles} finite payoffs, one per pure profile.");
        }

        Title = title ?? string.Empty;
        Players = [.. players];
        Strategies = [.. strategies.Select(s => (IReadOnlyList<string>)[.. s])];
        _payoffs = [.. payoffs.Select(p => (double[])p.Clone())];
        Profiles = (int)profiles;
        _low = [.. _payoffs.Select(p => p.Min())];
        _high = [.. _payoffs.Select(p => p.Max())];
        LargestPayoffMagnitude = Math.Max(Math.Abs(_low.Min()), Math.Abs(_high.Max()));
    }

    /// <summary>The most pure profiles a game may have (each player's payoffs are stored for every profile).</summary>
    public const int MaxProfiles = 50_000_000;

    /// <summary>The number of pure profiles Πᵢ kᵢ, checked against <see cref="MaxProfiles"/> at every factor (so huge
    /// counts neither overflow nor allocate).</summary>
    /// <param name="strategyCounts">Each player's number of strategies (≥ 1).</param>
    /// <param name="profiles">The product, when at most <see cref="MaxProfiles"/>.</param>
    /// <returns>False when the product exceeds <see cref="MaxProfiles"/>.</returns>
    public static bool TryCountProfiles(IEnumerable<int> strategyCounts, out long profiles)
    {
        ArgumentNullException.ThrowIfNull(strategyCounts);
        profiles = 1;
        foreach (int k in strategyCounts)
        {
            profiles *= k;
            if (profiles > MaxProfiles)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The players' names.</summary>
    public IReadOnlyList<string> Players { get; }

    /// <summary>Each player's strategy names.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Strategies { get; }

    /// <summary>The number of pure profiles Πᵢ |Sᵢ|.</summary>
    public int Profiles { get; }

    /// <summary>Player i's number of strategies.</summary>
    /// <param name="player">i.</param>
    /// <returns>|Sᵢ|.</returns>
    public int StrategyCount(int player) => Strategies[player].Count;

    /// <summary>A two-player game from its payoff matrices: A for the row player, B for the column player.</summary>
    /// <param name="title">A title.</param>
    /// <param name="a">Row player's payoffs, m × n.</param>
    /// <param name="b">Column player's payoffs, m × n.</param>
    /// <returns>The game.</returns>
    public static NormalFormGame Bimatrix(string title, double[,] a, double[,] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int m = a.GetLength(0), n = a.GetLength(1);
        if (b.GetLength(0) != m || b.GetLength(1) != n)
        {
            throw new ArgumentException("A and B must have the same shape.");
        }

        double[] pa = new double[m * n], pb = new double[m * n];
        for (int r = 0; r < m; r++)
        {
            for (int c = 0; c < n; c++)
            {
                pa[r + (c * m)] = a[r, c];
                pb[r + (c * m)] = b[r, c];
            }
        }

        return new NormalFormGame(title, ["Player 1", "Player 2"], [Names(m), Names(n)], [pa, pb]);
    }

    /// <summary>A two-player zero-sum game from the row player's payoff matrix A (the column player gets −A).</summary>
    /// <param name="title">A title.</param>
    /// <param name="a">Row player's payoffs.</param>
    /// <returns>The game.</returns>
    public static NormalFormGame ZeroSum(string title, double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var b = new double[a.GetLength(0), a.GetLength(1)];
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++)
            {
                b[r, c] = -a[r, c];
            }
        }

        return Bimatrix(title, a, b);
    }

    /// <summary>The index of a pure profile.</summary>
    /// <param name="profile">One strategy per player.</param>
    /// <returns>Σᵢ sᵢ·strideᵢ.</returns>
    public int Index(ReadOnlySpan<int> profile)
    {
        int k = 0;
        for (int i = 0; i < _strides.Length; i++)
        {
            k += profile[i] * _strides[i];
        }

        return k;
    }

    /// <summary>Player i's payoff at a pure profile.</summary>
    /// <param name="player">i.</param>
    /// <param name="profile">The profile's index.</param>
    /// <returns>uᵢ(s).</returns>
    public double Payoff(int player, int profile) => _payoffs[player][profile];

    /// <summary>A two-player game's payoff for player i at (row, column).</summary>
    /// <param name="player">0 (row) or 1 (column).</param>
    /// <param name="row">The row player's strategy.</param>
    /// <param name="column">The column player's strategy.</param>
    /// <returns>The payoff.</returns>
    public double Payoff(int player, int row, int column) => _payoffs[player][row + (column * _strides[1])];

    /// <summary>maxᵢ,ₛ |uᵢ(s)|: the scale of the payoffs (for tolerances).</summary>
    public double LargestPayoffMagnitude { get; }

    /// <summary>Player i's smallest payoff over the pure profiles.</summary>
    /// <param name="player">i.</param>
    /// <returns>minₛ uᵢ(s).</returns>
    public double LowestPayoff(int player) => _low[player];

    /// <summary>Player i's largest payoff over the pure profiles.</summary>
    /// <param name="player">i.</param>
    /// <returns>maxₛ uᵢ(s).</returns>
    public double HighestPayoff(int player) => _high[player];

    /// <summary>Player i's payoffs by profile index (Gambit order: player 1's strategy fastest).</summary>
    /// <param name="player">i.</param>
    /// <returns>The table, read-only.</returns>
    public ReadOnlySpan<double> PayoffTable(int player) => _payoffs[player];

    /// <summary>True for a two-player game whose payoffs sum to zero at every profile (within 1e-12 of the largest payoff).</summary>
    public bool IsZeroSum
    {
        get
        {
            if (Players.Count != 2)
            {
                return false;
            }

            double largest = Math.Max(1, LargestPayoffMagnitude);

            for (int k = 0; k < Profiles; k++)
            {
                if (Math.Abs(_payoffs[0][k] + _payoffs[1][k]) > 1e-12 * largest)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Player i's expected payoff for each of its pure strategies against the others' mixed strategies:
    /// vₛ = E_{s₋ᵢ ~ σ₋ᵢ} uᵢ(s, s₋ᵢ).
    /// </summary>
    /// <param name="player">i.</param>
    /// <param name="mixed">Every player's mixed strategy (player i's is ignored).</param>
    /// <param name="values">Receives |Sᵢ| values.</param>
    public void PureValues(int player, IReadOnlyList<double[]> mixed, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(mixed);
        values.Clear();
        int n = Players.Count;
        if (n == 2)
        {
            // Two players: a matrix–vector product over the profile table (row index fastest), no profile decoding.
            int rows = _strides[1], columns = Profiles / rows;
            double[] payoff = _payoffs[player];
            for (int c = 0; c < columns; c++)
            {
                for (int r = 0; r < rows; r++)
                {
                    double value = payoff[r + (c * rows)];
                    if (player == 0)
                    {
                        values[r] += value * mixed[1][c];
                    }
                    else
                    {
                        values[c] += value * mixed[0][r];
                    }
                }
            }

            return;
        }

        Span<int> profile = stackalloc int[n];
        for (int k = 0; k < Profiles; k++)
        {
            double weight = 1;
            int rest = k;
            for (int j = n - 1; j >= 0; j--)
            {
                profile[j] = rest / _strides[j];
                rest %= _strides[j];
            }

            for (int j = 0; j < n && weight != 0; j++)
            {
                if (j != player)
                {
                    weight *= mixed[j][profile[j]];
                }
            }

            if (weight != 0)
            {
                values[profile[player]] += weight * _payoffs[player][k];
            }
        }
    }

    /// <summary>Player i's expected payoff under a mixed profile.</summary>
    /// <param name="player">i.</param>
    /// <param name="mixed">Every player's mixed strategy.</param>
    /// <returns>uᵢ(σ).</returns>
    public double ExpectedPayoff(int player, IReadOnlyList<double[]> mixed)
    {
        ArgumentNullException.ThrowIfNull(mixed);
        Span<double> values = stackalloc double[StrategyCount(player)];
        PureValues(player, mixed, values);
        double total = 0;
        for (int s = 0; s < values.Length; s++)
        {
            total += mixed[player][s] * values[s];
        }

        return total;
    }

    /// <summary>
    /// NashConv (exploitability summed over players): Σᵢ (maxₛ uᵢ(s, σ₋ᵢ) − uᵢ(σ)) ≥ 0, zero exactly at a Nash equilibrium
    /// (Lanctot et al., "A unified game-theoretic approach to multiagent reinforcement learning", NeurIPS 2017).
    /// </summary>
    /// <param name="mixed">Every player's mixed strategy.</param>
    /// <returns>The Nash gap.</returns>
    public double NashGap(IReadOnlyList<double[]> mixed)
    {
        ArgumentNullException.ThrowIfNull(mixed);
        double gap = 0;
        double[] buffer = new double[Strategies.Max(s => s.Count)];
        for (int i = 0; i < Players.Count; i++)
        {
            Span<double> values = buffer.AsSpan(0, StrategyCount(i));
            PureValues(i, mixed, values);
            double best = double.NegativeInfinity, current = 0;
            for (int s = 0; s < values.Length; s++)
            {
                best = Math.Max(best, values[s]);
                current += mixed[i][s] * values[s];
            }

            gap += best - current;
        }

        return gap;
    }

    /// <summary>Player i's strategy in the pure profile with this index.</summary>
    /// <param name="player">i.</param>
    /// <param name="profile">The profile's index.</param>
    /// <returns>sᵢ = ⌊index / strideᵢ⌋ mod |Sᵢ|.</returns>
    public int StrategyOf(int player, int profile) => profile / _strides[player] % Strategies[player].Count;

    /// <summary>Each player's marginal of weights over the pure profiles: mᵢ(s) = Σ_{p : pᵢ = s} w(p).</summary>
    /// <param name="joint">w by profile index (a joint distribution, or sums of them).</param>
    /// <returns>One array per player.</returns>
    public double[][] Marginals(ReadOnlySpan<double> joint)
    {
        if (joint.Length != Profiles)
        {
            throw new ArgumentException($"Expected {Profiles} weights, one per pure profile.", nameof(joint));
        }

        double[][] marginals = [.. Strategies.Select(s => new double[s.Count])];
        for (int i = 0; i < marginals.Length; i++)
        {
            for (int p = 0; p < joint.Length; p++)
            {
                marginals[i][StrategyOf(i, p)] += joint[p];
            }
        }

        return marginals;
    }

    /// <summary>How far player i's index moves per strategy in a profile index (1 for player 1, |S₁| for player 2, …).</summary>
    /// <param name="player">i.</param>
    /// <returns>strideᵢ = Πⱼ&lt;ᵢ |Sⱼ|.</returns>
    public int Stride(int player) => _strides[player];

    /// <summary>
    /// What player i gains by deviating from a joint distribution μ over pure profiles (a correlated play): the
    /// <b>external</b> (coarse) gain maxₛ' Σₚ μ(p) (uᵢ(s', p₋ᵢ) − uᵢ(p)) — the deviation a coarse correlated equilibrium
    /// rules out (Moulin and Vial 1978; Hannan consistency) — and the <b>swap</b> gain
    /// Σₛ maxₛ' Σ_{p: pᵢ = s} μ(p) (uᵢ(s', p₋ᵢ) − uᵢ(p)), the deviation a correlated equilibrium rules out (Aumann 1974).
    /// With μ the sum of the product distributions played over t rounds, they are player i's external and swap regret.
    /// </summary>
    /// <param name="player">i.</param>
    /// <param name="joint">μ by profile index (non-negative; need not sum to 1).</param>
    /// <returns>The external and swap gains, in payoff units (scaled like μ).</returns>
    public (double External, double Swap) DeviationGains(int player, ReadOnlySpan<double> joint)
    {
        if (joint.Length != Profiles)
        {
            throw new ArgumentException($"Expected {Profiles} joint probabilities, got {joint.Length}.", nameof(joint));
        }

        int k = StrategyCount(player), stride = _strides[player];
        double[] payoff = _payoffs[player];
        double[] gains = new double[k * k]; // gains[s·k + s'] = Σ_{p: pᵢ = s} μ(p) uᵢ(s', p₋ᵢ)
        for (int p = 0; p < joint.Length; p++)
        {
            double w = joint[p];
            if (w == 0)
            {
                continue;
            }

            int s = p / stride % k, origin = p - (s * stride);
            Span<double> row = gains.AsSpan(s * k, k);
            for (int d = 0; d < k; d++)
            {
                row[d] += w * payoff[origin + (d * stride)];
            }
        }

        double swap = 0, earned = 0, best = double.NegativeInfinity;
        for (int s = 0; s < k; s++)
        {
            ReadOnlySpan<double> row = gains.AsSpan(s * k, k);
            double rowBest = double.NegativeInfinity;
            for (int d = 0; d < k; d++)
            {
                rowBest = Math.Max(rowBest, row[d]);
            }

            swap += rowBest - row[s];
            earned += row[s];
        }

        for (int d = 0; d < k; d++)
        {
            double column = 0;
            for (int s = 0; s < k; s++)
            {
                column += gains[(s * k) + d];
            }

            best = Math.Max(best, column);
        }

        return (best - earned, swap);
    }

    /// <summary>
    /// The coarse correlated equilibrium gap of a joint distribution: maxᵢ of player i's external deviation gain
    /// (<see cref="DeviationGains"/>); zero exactly at a CCE. The empirical joint play of no-regret learners has CCE gap
    /// at most maxᵢ Regᵢ(T)/T (Hart and Mas-Colell 2000).
    /// </summary>
    /// <param name="joint">μ by profile index, summing to 1.</param>
    /// <returns>The CCE gap.</returns>
    public double CceGap(ReadOnlySpan<double> joint)
    {
        double gap = 0;
        for (int i = 0; i < Players.Count; i++)
        {
            gap = Math.Max(gap, DeviationGains(i, joint).External);
        }

        return gap;
    }

    /// <summary>The correlated equilibrium gap: maxᵢ of player i's swap deviation gain; zero exactly at a CE.</summary>
    /// <param name="joint">μ by profile index, summing to 1.</param>
    /// <returns>The CE gap.</returns>
    public double CeGap(ReadOnlySpan<double> joint)
    {
        double gap = 0;
        for (int i = 0; i < Players.Count; i++)
        {
            gap = Math.Max(gap, DeviationGains(i, joint).Swap);
        }

        return gap;
    }

    private static string[] Names(int count) => [.. Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
