using MathNet.Numerics.LinearAlgebra;

namespace Hindsight.Games.Markov;

/// <summary>
/// A two-player discounted stochastic game (Shapley, "Stochastic games", PNAS 1953), tabular: states s, in each state
/// action sets for both players, rewards rᵢ(s, a, b), transitions P(s' | s, a, b), a discount γ ∈ [0, 1) and a start
/// distribution ρ. Stationary policies πᵢ(· | s); a player's value is Vᵢ^π(ρ) = E Σₜ γᵗ rᵢ(sₜ, aₜ, bₜ). Exact policy
/// evaluation by a linear solve (MathNet), best responses by policy iteration.
/// </summary>
public sealed class MarkovGame
{
    private readonly double[][][] _rewards; // [player][state][a·n + b]
    private readonly double[][] _transitions; // [state][(a·n + b)·S + s']
    private readonly int[][] _actions; // [player][state]

    /// <summary>Creates a game.</summary>
    /// <param name="actions">actions[i][s]: player i's number of actions in state s (≥ 1).</param>
    /// <param name="rewards">rewards[i][s][a·n_s + b]: player i's reward in state s at actions (a, b).</param>
    /// <param name="transitions">transitions[s][(a·n_s + b)·S + s']: P(s' | s, a, b), each row summing to 1.</param>
    /// <param name="discount">γ ∈ [0, 1).</param>
    /// <param name="start">ρ (null: all mass on state 0).</param>
    /// <exception cref="ArgumentException">Shapes disagree, probabilities are invalid, or γ is out of range.</exception>
    public MarkovGame(int[][] actions, double[][][] rewards, double[][] transitions, double discount, double[]? start = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(transitions);
        if (actions.Length != 2 || rewards.Length != 2)
        {
            throw new ArgumentException("Markov games here have two players.", nameof(actions));
        }

        int states = transitions.Length;
        if (states < 1 || actions.Any(a => a.Length != states || a.Any(k => k < 1)) || rewards.Any(r => r.Length != states))
        {
            throw new ArgumentException("Every player needs an action count (≥ 1) and rewards for every state.", nameof(actions));
        }

        if (!(discount >= 0 && discount < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(discount), "The discount must lie in [0, 1).");
        }

        for (int s = 0; s < states; s++)
        {
            int joint = actions[0][s] * actions[1][s];
            if (rewards.Any(r => r[s].Length != joint || r[s].Any(v => !double.IsFinite(v))) || transitions[s].Length != joint * states)
            {
                throw new ArgumentException($"state {s}: expected {joint} finite rewards per player and {joint * states} transition probabilities.", nameof(rewards));
            }

            for (int k = 0; k < joint; k++)
            {
                double sum = 0;
                for (int next = 0; next < states; next++)
                {
                    double p = transitions[s][(k * states) + next];
                    if (!(p >= 0))
                    {
                        throw new ArgumentException($"state {s}: negative transition probability.", nameof(transitions));
                    }

                    sum += p;
                }

                if (Math.Abs(sum - 1) > 1e-9)
                {
                    throw new ArgumentException($"state {s}, joint action {k}: transition probabilities sum to {sum}, not 1.", nameof(transitions));
                }
            }
        }

        Start = start is null ? [1.0, .. new double[states - 1]] : [.. start];
        if (Start.Count != states || Start.Any(p => !(p >= 0)) || Math.Abs(Start.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("The start distribution needs one non-negative probability per state, summing to 1.", nameof(start));
        }

        _actions = [.. actions.Select(a => (int[])a.Clone())];
        _rewards = [.. rewards.Select(r => r.Select(v => (double[])v.Clone()).ToArray())];
        _transitions = [.. transitions.Select(t => (double[])t.Clone())];
        Discount = discount;
        RewardLow = rewards.Min(r => r.Min(v => v.Min()));
        RewardHigh = rewards.Max(r => r.Max(v => v.Max()));
    }

    /// <summary>The number of states.</summary>
    public int States => _transitions.Length;

    /// <summary>γ.</summary>
    public double Discount { get; }

    /// <summary>ρ.</summary>
    public IReadOnlyList<double> Start { get; }

    /// <summary>The smallest reward of either player.</summary>
    public double RewardLow { get; }

    /// <summary>The largest reward of either player.</summary>
    public double RewardHigh { get; }

    /// <summary>True when r₁ + r₂ = 0 everywhere.</summary>
    public bool IsZeroSum => Enumerable.Range(0, States).All(s => _rewards[0][s].Zip(_rewards[1][s]).All(p => Math.Abs(p.First + p.Second) <= 1e-12 * Math.Max(1, Math.Abs(p.First))));

    /// <summary>Player i's number of actions in state s.</summary>
    /// <param name="player">i (0 or 1).</param>
    /// <param name="state">s.</param>
    /// <returns>The count.</returns>
    public int Actions(int player, int state) => _actions[player][state];

    /// <summary>rᵢ(s, a, b).</summary>
    /// <param name="player">i.</param>
    /// <param name="state">s.</param>
    /// <param name="a">Player 1's action.</param>
    /// <param name="b">Player 2's action.</param>
    /// <returns>The reward.</returns>
    public double Reward(int player, int state, int a, int b) => _rewards[player][state][(a * _actions[1][state]) + b];

    /// <summary>P(s' | s, a, b).</summary>
    /// <param name="state">s.</param>
    /// <param name="a">Player 1's action.</param>
    /// <param name="b">Player 2's action.</param>
    /// <param name="next">s'.</param>
    /// <returns>The probability.</returns>
    public double Transition(int state, int a, int b, int next) => _transitions[state][(((a * _actions[1][state]) + b) * States) + next];

    /// <summary>Each player's value function V_i^π under a stationary product policy.</summary>
    /// <param name="policy">policy[i][s]: player i's distribution in state s.</param>
    /// <returns>values[i][s].</returns>
    public double[][] Evaluate(double[][][] policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        int n = States;
        var p = Matrix<double>.Build.Dense(n, n);
        var r = new[] { new double[n], new double[n] };
        for (int s = 0; s < n; s++)
        {
            for (int a = 0; a < _actions[0][s]; a++)
            {
                for (int b = 0; b < _actions[1][s]; b++)
                {
                    double w = policy[0][s][a] * policy[1][s][b];
                    if (w == 0)
                    {
                        continue;
                    }

                    r[0][s] += w * Reward(0, s, a, b);
                    r[1][s] += w * Reward(1, s, a, b);
                    for (int next = 0; next < n; next++)
                    {
                        p[s, next] += w * Transition(s, a, b, next);
                    }
                }
            }
        }

        var system = Matrix<double>.Build.DenseIdentity(n) - (Discount * p);
        var lu = system.LU();
        return [.. r.Select(ri => lu.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(ri)).ToArray())];
    }

    /// <summary>Player i's action values against the other's policy, Qᵢ(s, ·) = E_{other}[rᵢ + γ Σ P Vᵢ].</summary>
    /// <param name="player">i.</param>
    /// <param name="policy">Both players' policies (player i's own is not used).</param>
    /// <param name="values">Player i's value function to bootstrap from.</param>
    /// <returns>q[s][own action].</returns>
    public double[][] ActionValues(int player, double[][][] policy, double[] values)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(values);
        var q = new double[States][];
        for (int s = 0; s < States; s++)
        {
            q[s] = new double[_actions[player][s]];
            for (int a = 0; a < _actions[0][s]; a++)
            {
                for (int b = 0; b < _actions[1][s]; b++)
                {
                    double w = player == 0 ? policy[1][s][b] : policy[0][s][a];
                    if (w == 0)
                    {
                        continue;
                    }

                    double backup = Reward(player, s, a, b);
                    for (int next = 0; next < States; next++)
                    {
                        backup += Discount * Transition(s, a, b, next) * values[next];
                    }

                    q[s][player == 0 ? a : b] += w * backup;
                }
            }
        }

        return q;
    }

    /// <summary>Player i's best-response value against the other's fixed policy (policy iteration on the induced MDP; exact).</summary>
    /// <param name="player">i.</param>
    /// <param name="policy">Both players' policies (player i's own is replaced).</param>
    /// <returns>max_{πᵢ'} Vᵢ^{πᵢ', π₋ᵢ} per state.</returns>
    public double[] BestResponseValue(int player, double[][][] policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        double[][][] trial = [.. policy.Select(p => p.Select(d => (double[])d.Clone()).ToArray())];
        int[] greedy = new int[States];
        for (int s = 0; s < States; s++)
        {
            Array.Clear(trial[player][s]);
            trial[player][s][0] = 1;
        }

        for (int iteration = 0; iteration < 1000; iteration++)
        {
            double[] v = Evaluate(trial)[player];
            double[][] q = ActionValues(player, trial, v);
            bool changed = false;
            for (int s = 0; s < States; s++)
            {
                int best = greedy[s];
                for (int a = 0; a < q[s].Length; a++)
                {
                    if (q[s][a] > q[s][best] + (1e-12 * Math.Max(1, Math.Abs(q[s][best]))))
                    {
                        best = a;
                    }
                }

                if (best != greedy[s])
                {
                    changed = true;
                    greedy[s] = best;
                    Array.Clear(trial[player][s]);
                    trial[player][s][best] = 1;
                }
            }

            if (!changed)
            {
                return v;
            }
        }

        throw new InvalidOperationException("Policy iteration did not settle.");
    }

    /// <summary>The Nash gap (NashConv) at the start distribution: Σᵢ (BRᵢ(ρ) − Vᵢ^π(ρ)), zero exactly at a stationary
    /// Nash equilibrium.</summary>
    /// <param name="policy">Both players' stationary policies.</param>
    /// <returns>The gap.</returns>
    public double NashGap(double[][][] policy)
    {
        double[][] v = Evaluate(policy);
        double gap = 0;
        for (int i = 0; i < 2; i++)
        {
            double[] best = BestResponseValue(i, policy);
            for (int s = 0; s < States; s++)
            {
                gap += Start[s] * (best[s] - v[i][s]);
            }
        }

        return Math.Max(0, gap);
    }
}
