using System.Numerics.Tensors;
using Hindsight.Bandits.Policies;
using Hindsight.Experts;

namespace Hindsight.Games;

/// <summary>
/// Repeated play of a normal-form game by full-information learners: every round each player i plays a mixed strategy
/// σᵢᵗ, then sees the payoff of each of its pure strategies against the others' mixed strategies, uᵢ(s, σ₋ᵢᵗ), rescaled to
/// [0, 1] by the game's payoff range (the standard no-regret dynamics: Freund and Schapire 1999; Syrgkanis et al. 2015).
/// Measured at each checkpoint, in the game's payoff units:
/// <list type="bullet">
/// <item><b>external regret</b> of player i: maxₛ Σₜ uᵢ(s, σ₋ᵢᵗ) − Σₜ uᵢ(σᵗ);</item>
/// <item><b>swap regret</b>: Σₛ max_{s'} Σₜ σᵢᵗ(s)(uᵢ(s', σ₋ᵢᵗ) − uᵢ(s, σ₋ᵢᵗ)) (Blum and Mansour, JMLR 2007) — small
/// for every player exactly when the empirical play is an approximate correlated equilibrium;</item>
/// <item><b>Nash gap</b> (NashConv) of the time-average strategies (σ̄ᵢ = (1/t) Σ σᵢᵗ) and of the last iterate.</item>
/// </list>
/// </summary>
public static class SelfPlay
{
    /// <summary>Plays the game.</summary>
    /// <param name="game">The game.</param>
    /// <param name="players">One learner per player, with as many experts as the player has strategies (reset here).</param>
    /// <param name="checkpoints">Increasing rounds; the last is the horizon.</param>
    /// <param name="seed">Seed for the learners' randomness and the sampled actions.</param>
    /// <param name="sampled">When true each player draws an action from σᵢᵗ and sees its payoffs against the others'
    /// drawn actions, uᵢ(s, a₋ᵢᵗ) (realized full-information feedback); when false, against their mixed strategies.</param>
    /// <returns>The measurements.</returns>
    public static SelfPlayResult Run(NormalFormGame game, IReadOnlyList<IExpertsPolicy> players, IReadOnlyList<long> checkpoints, ulong seed = 1, bool sampled = false)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(players);
        ArgumentNullException.ThrowIfNull(checkpoints);
        int n = game.Players.Count;
        if (players.Count != n)
        {
            throw new ArgumentException($"The game has {n} players; {players.Count} learners were given.", nameof(players));
        }

        for (int i = 0; i < n; i++)
        {
            if (players[i].Arms != game.StrategyCount(i))
            {
                throw new ArgumentException($"Player {i + 1} has {game.StrategyCount(i)} strategies; its learner has {players[i].Arms} experts.", nameof(players));
            }

            players[i].Reset(seed + (ulong)i);
        }

        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < game.Profiles; k++)
            {
                low = Math.Min(low, game.Payoff(i, k));
                high = Math.Max(high, game.Payoff(i, k));
            }
        }

        double range = high > low ? high - low : 1;
        double[][] sigma = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] values = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] rewards = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] sum = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] pure = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] swap = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i) * game.StrategyCount(i)])];
        // Two-player games get their payoff matrices laid out for dot products: A row-major (row player's payoff),
        // Bᵀ row-major (the column player's payoff by its own strategy).
        int rows = game.StrategyCount(0), columns = n == 2 ? game.StrategyCount(1) : 0;
        double[]? rowMajor = null, columnMajor = null;
        if (n == 2)
        {
            rowMajor = new double[rows * columns];
            columnMajor = new double[rows * columns];
            for (int r = 0; r < rows; r++)
            {
                for (int col = 0; col < columns; col++)
                {
                    rowMajor[(r * columns) + col] = game.Payoff(0, r, col);
                    columnMajor[(col * rows) + r] = game.Payoff(1, r, col);
                }
            }
        }

        double[] earned = new double[n];
        double[][] drawn = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] feedback = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        int[] action = new int[n];
        var rng = new Hindsight.Numerics.SeededRandom(seed ^ 0x5DEECE66DUL);
        var points = new List<SelfPlayCheckpoint>();
        int c = 0;
        for (long t = 1; c < checkpoints.Count; t++)
        {
            for (int i = 0; i < n; i++)
            {
                players[i].Distribution(sigma[i]);
            }

            if (rowMajor is not null)
            {
                // Two players: v₀ = A σ₁ and v₁ = Bᵀ σ₀, one dot product per strategy (no profile decoding).
                for (int s = 0; s < values[0].Length; s++)
                {
                    values[0][s] = TensorPrimitives.Dot(rowMajor.AsSpan(s * columns, columns), sigma[1]);
                }

                for (int s = 0; s < values[1].Length; s++)
                {
                    values[1][s] = TensorPrimitives.Dot(columnMajor!.AsSpan(s * rows, rows), sigma[0]);
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    game.PureValues(i, sigma, values[i]);
                }
            }

            if (sampled)
            {
                // Realized feedback: one pure action per player, and each player's payoffs against the others' actions.
                for (int i = 0; i < n; i++)
                {
                    action[i] = Sampling.Draw(sigma[i], 1.0, rng);
                }

                if (rowMajor is not null)
                {
                    for (int s = 0; s < rows; s++)
                    {
                        feedback[0][s] = rowMajor[(s * columns) + action[1]];
                    }

                    for (int s = 0; s < columns; s++)
                    {
                        feedback[1][s] = columnMajor![(s * rows) + action[0]];
                    }
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        Array.Clear(drawn[i]);
                        drawn[i][action[i]] = 1;
                    }

                    for (int i = 0; i < n; i++)
                    {
                        game.PureValues(i, drawn, feedback[i]);
                    }
                }
            }

            for (int i = 0; i < n; i++)
            {
                int k = values[i].Length;
                earned[i] += TensorPrimitives.Dot<double>(sigma[i], values[i]);
                TensorPrimitives.Add(pure[i], values[i], pure[i]);
                TensorPrimitives.Add(sum[i], sigma[i], sum[i]);
                for (int s = 0; s < k; s++)
                {
                    TensorPrimitives.MultiplyAdd(values[i], sigma[i][s], swap[i].AsSpan(s * k, k), swap[i].AsSpan(s * k, k));
                }

                TensorPrimitives.Subtract(sampled ? feedback[i] : values[i], low, rewards[i]);
                TensorPrimitives.Divide(rewards[i], range, rewards[i]);
                players[i].Observe(rewards[i]);
            }

            if (t == checkpoints[c])
            {
                double[][] average = [.. sum.Select(s => s.Select(v => v / t).ToArray())];
                double[] external = new double[n], swapRegret = new double[n];
                for (int i = 0; i < n; i++)
                {
                    external[i] = TensorPrimitives.Max<double>(pure[i]) - earned[i];
                    int k = pure[i].Length;
                    for (int s = 0; s < k; s++)
                    {
                        ReadOnlySpan<double> row = swap[i].AsSpan(s * k, k);
                        swapRegret[i] += TensorPrimitives.Max(row) - row[s];
                    }
                }

                double[][] last = [.. sigma.Select(s => (double[])s.Clone())];
                points.Add(new SelfPlayCheckpoint(t, external, swapRegret, game.NashGap(average), game.NashGap(last), average, last));
                c++;
            }
        }

        return new SelfPlayResult(points);
    }

}
