using Hindsight.Bandits;
using Hindsight.Experts;
using Hindsight.Simulation;

namespace Hindsight.Games.Markov;

/// <summary>
/// Independent learning in a Markov game: each player runs one full-information learner per state (Hedge, optimistic
/// Hedge, regret matching…), and each iteration feeds it the player's exact action values Qᵢ^π(s, ·) under the current
/// product policy (policy mirror descent with exact evaluation, as in independent policy gradient; Daskalakis, Foster
/// and Golowich, NeurIPS 2020), rescaled to [0, 1] by the range of discounted returns. No player sees the other's
/// policy. Meters: the Nash gap of the last iterate and of the per-state average, and the CCE gap of the mixture of
/// iterates — maxᵢ max_d (1/t) Σₜ (Vᵢ^{d, π₋ᵢᵗ}(ρ) − Vᵢ^{πᵗ}(ρ)) over deterministic stationary deviations d, enumerated
/// (a lower bound on the gap against all deviations, which may be non-stationary against a mixture; Daskalakis, Golowich
/// and Zhang, "The complexity of Markov equilibrium in stochastic games", COLT 2023).
/// </summary>
public static class IndependentPlay
{
    /// <summary>The most deterministic stationary deviations enumerated per player for the CCE gap.</summary>
    public const int MaxDeviations = 4096;

    /// <summary>Plays.</summary>
    /// <param name="game">The game.</param>
    /// <param name="learner">Creates a learner for a state with the given number of actions.</param>
    /// <param name="checkpoints">Increasing iteration counts.</param>
    /// <param name="seed">Seed for the learners.</param>
    /// <returns>One measurement per checkpoint.</returns>
    public static IReadOnlyList<MarkovCheckpoint> Run(MarkovGame game, Func<int, IExpertsPolicy> learner, IReadOnlyList<long> checkpoints, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(learner);
        Checkpoints.Validate(checkpoints);
        int n = game.States;
        var learners = new IExpertsPolicy[2][];
        double[][][] policy = [new double[n][], new double[n][]];
        double[][][] sum = [new double[n][], new double[n][]];
        for (int i = 0; i < 2; i++)
        {
            learners[i] = new IExpertsPolicy[n];
            for (int s = 0; s < n; s++)
            {
                learners[i][s] = learner(game.Actions(i, s));
                learners[i][s].Reset(seed + (ulong)((i * n) + s));
                if (learners[i][s] is IHorizonAware aware && checkpoints.Count > 0)
                {
                    aware.Prepare(checkpoints[^1]); // a rate tuned to the horizon (Hedge's default) learns it here
                }

                policy[i][s] = new double[game.Actions(i, s)];
                sum[i][s] = new double[game.Actions(i, s)];
            }
        }

        double[][][][] deviations = [.. Enumerable.Range(0, 2).Select(i => Deviations(game, i).Select(d => Pure(game, i, d)).ToArray())]; // built once
        double[][] deviationValue = [new double[deviations[0].Length], new double[deviations[1].Length]];
        double[] ownValue = new double[2];
        double low = Math.Min(game.RewardLow, 0) / (1 - game.Discount), high = Math.Max(game.RewardHigh, 0) / (1 - game.Discount);
        double range = high > low ? high - low : 1;
        var points = new List<MarkovCheckpoint>();
        int next = 0;
        for (long t = 1; next < checkpoints.Count; t++)
        {
            for (int i = 0; i < 2; i++)
            {
                for (int s = 0; s < n; s++)
                {
                    learners[i][s].Distribution(policy[i][s]);
                    for (int a = 0; a < policy[i][s].Length; a++)
                    {
                        sum[i][s][a] += policy[i][s][a];
                    }
                }
            }

            double[][] v = game.Evaluate(policy);
            for (int i = 0; i < 2; i++)
            {
                ownValue[i] += AtStart(game, v[i]);
                for (int d = 0; d < deviations[i].Length; d++)
                {
                    deviationValue[i][d] += AtStart(game, game.Evaluate(i == 0 ? new[] { deviations[i][d], policy[1] } : new[] { policy[0], deviations[i][d] })[i]);
                }
            }

            for (int i = 0; i < 2; i++)
            {
                double[][] q = game.ActionValues(i, policy, v[i]);
                for (int s = 0; s < n; s++)
                {
                    for (int a = 0; a < q[s].Length; a++)
                    {
                        q[s][a] = Math.Clamp((q[s][a] - low) / range, 0, 1);
                    }

                    learners[i][s].Observe(q[s]);
                }
            }

            if (t == checkpoints[next])
            {
                double[][][] average = [.. sum.Select(p => p.Select(d => d.Select(x => x / t).ToArray()).ToArray())];
                double cce = 0;
                for (int i = 0; i < 2; i++)
                {
                    cce = Math.Max(cce, (deviationValue[i].Max() - ownValue[i]) / t);
                }

                double[][][] last = [.. policy.Select(p => p.Select(d => (double[])d.Clone()).ToArray())];
                points.Add(new MarkovCheckpoint(t, game.NashGap(last), game.NashGap(average), cce, last));
                next++;
            }
        }

        return points;
    }

    private static double AtStart(MarkovGame game, double[] values)
    {
        double total = 0;
        for (int s = 0; s < game.States; s++)
        {
            total += game.Start[s] * values[s];
        }

        return total;
    }

    /// <summary>Every deterministic stationary policy of a player: one action per state.</summary>
    private static int[][] Deviations(MarkovGame game, int player)
    {
        long count = 1;
        for (int s = 0; s < game.States; s++)
        {
            count *= game.Actions(player, s);
            if (count > MaxDeviations)
            {
                throw new ArgumentException($"Player {player + 1} has more than {MaxDeviations} deterministic stationary policies; the CCE gap enumerates them.", nameof(game));
            }
        }

        var all = new int[count][];
        for (long k = 0; k < count; k++)
        {
            all[k] = new int[game.States];
            long rest = k;
            for (int s = 0; s < game.States; s++)
            {
                all[k][s] = (int)(rest % game.Actions(player, s));
                rest /= game.Actions(player, s);
            }
        }

        return all;
    }

    /// <summary>The deterministic stationary policy playing <paramref name="actions"/>[s] in each state s.</summary>
    private static double[][] Pure(MarkovGame game, int player, int[] actions)
    {
        double[][] own = new double[game.States][];
        for (int s = 0; s < game.States; s++)
        {
            own[s] = new double[game.Actions(player, s)];
            own[s][actions[s]] = 1;
        }

        return own;
    }
}
