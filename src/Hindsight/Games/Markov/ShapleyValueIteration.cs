using Hindsight.Games.Solvers;

namespace Hindsight.Games.Markov;

/// <summary>
/// Shapley's value iteration for two-player zero-sum stochastic games (Shapley 1953): V(s) ← val Q_s(V) with the stage
/// game Q_s(a, b) = r₁(s, a, b) + γ Σ P(s' | s, a, b) V(s') solved by the zero-sum LP each sweep — a γ-contraction, so
/// the stationary equilibrium's value is reached to any accuracy; the equilibrium policies are the final stage games'
/// minimax strategies.
/// </summary>
public static class ShapleyValueIteration
{
    /// <summary>Solves the game.</summary>
    /// <param name="game">A zero-sum Markov game.</param>
    /// <param name="tolerance">Stop when a sweep moves V by less than this (sup norm).</param>
    /// <returns>Player 1's value per state and both players' stationary equilibrium policies.</returns>
    /// <exception cref="ArgumentException">The game is not zero-sum.</exception>
    public static (double[] Values, double[][][] Policy) Solve(MarkovGame game, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!game.IsZeroSum)
        {
            throw new ArgumentException("Shapley's value iteration solves zero-sum Markov games.", nameof(game));
        }

        int n = game.States;
        double[] v = new double[n];
        double[][][] policy = [new double[n][], new double[n][]];
        for (int sweep = 0; sweep < 100_000; sweep++)
        {
            double[] next = new double[n];
            double change = 0;
            for (int s = 0; s < n; s++)
            {
                var stage = new double[game.Actions(0, s), game.Actions(1, s)];
                for (int a = 0; a < stage.GetLength(0); a++)
                {
                    for (int b = 0; b < stage.GetLength(1); b++)
                    {
                        double q = game.Reward(0, s, a, b);
                        for (int t = 0; t < n; t++)
                        {
                            q += game.Discount * game.Transition(s, a, b, t) * v[t];
                        }

                        stage[a, b] = q;
                    }
                }

                Equilibrium e = ZeroSumSolver.Solve(NormalFormGame.ZeroSum($"state {s}", stage));
                next[s] = e.Payoffs[0];
                policy[0][s] = e.Strategies[0];
                policy[1][s] = e.Strategies[1];
                change = Math.Max(change, Math.Abs(next[s] - v[s]));
            }

            v = next;
            if (change < tolerance)
            {
                break;
            }
        }

        return (v, policy);
    }
}
