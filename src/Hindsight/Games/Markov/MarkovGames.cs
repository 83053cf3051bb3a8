using Hindsight.Numerics;

namespace Hindsight.Games.Markov;

/// <summary>Generators of small Markov games, reproducible from a seed.</summary>
public static class MarkovGames
{
    /// <summary>A random game: rewards uniform on [−1, 1] (player 2's = −player 1's when zero-sum), transitions from a
    /// flat Dirichlet per (state, joint action), start in state 0.</summary>
    /// <param name="states">S ≥ 1.</param>
    /// <param name="actions">Actions per player per state (≥ 1).</param>
    /// <param name="discount">γ ∈ [0, 1).</param>
    /// <param name="zeroSum">Whether player 2's reward is −player 1's.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The game.</returns>
    public static MarkovGame Random(int states, int actions, double discount, bool zeroSum, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(states, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(actions, 1);
        var rng = new SeededRandom(seed);
        int joint = actions * actions;
        double[][][] rewards = [new double[states][], new double[states][]];
        double[][] transitions = new double[states][];
        for (int s = 0; s < states; s++)
        {
            rewards[0][s] = new double[joint];
            rewards[1][s] = new double[joint];
            transitions[s] = new double[joint * states];
            for (int k = 0; k < joint; k++)
            {
                rewards[0][s][k] = (2 * rng.NextDouble()) - 1;
                rewards[1][s][k] = zeroSum ? -rewards[0][s][k] : (2 * rng.NextDouble()) - 1;
                double total = 0;
                for (int t = 0; t < states; t++)
                {
                    double e = -Math.Log(1 - rng.NextDouble()); // Dirichlet(1, …, 1) by normalized exponentials
                    transitions[s][(k * states) + t] = e;
                    total += e;
                }

                for (int t = 0; t < states; t++)
                {
                    transitions[s][(k * states) + t] /= total;
                }
            }
        }

        return new MarkovGame([Enumerable.Repeat(actions, states).ToArray(), Enumerable.Repeat(actions, states).ToArray()], rewards, transitions, discount);
    }
}
