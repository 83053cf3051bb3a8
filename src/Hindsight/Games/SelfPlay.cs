using Hindsight.Bandits;
using Hindsight.Bandits.Policies;
using Hindsight.Experts;
using Hindsight.Experts.Policies;
using Hindsight.Numerics;
using Hindsight.Simulation;

namespace Hindsight.Games;

/// <summary>
/// Repeated play of a normal-form game by no-regret learners (the dynamics of Freund and Schapire 1999; Syrgkanis et
/// al. 2015). Every round each player i plays a mixed strategy σᵢᵗ. A <b>full-information</b> player
/// (<see cref="IExpertsPolicy"/>: Hedge, optimistic Hedge, regret matching, RM⁺, predictive RM⁺, fictitious play) then
/// sees the payoff of each of its pure strategies against the others' mixed strategies, uᵢ(s, σ₋ᵢᵗ), or with
/// <c>sampled</c> against their drawn actions, uᵢ(s, a₋ᵢᵗ). A <b>bandit</b> player (<see cref="IRandomizedPolicy"/>:
/// EXP3, Tsallis-INF) draws aᵢᵗ ~ σᵢᵗ and sees only its own payoff uᵢ(aᵗ). Payoffs reach the learners rescaled to [0, 1]
/// by the game's payoff range.
/// <para>The run accumulates the empirical joint play μₜ = Σₛ≤ₜ σ₁ˢ ⊗ … ⊗ σₙˢ (the product of the mixed strategies, so
/// the measurements are free of sampling noise) and measures at each checkpoint, in payoff units:</para>
/// <list type="bullet">
/// <item><b>external regret</b> of player i: maxₛ Σₜ uᵢ(s, σ₋ᵢᵗ) − Σₜ uᵢ(σᵗ);</item>
/// <item><b>swap regret</b>: Σₛ max_{s'} Σₜ σᵢᵗ(s)(uᵢ(s', σ₋ᵢᵗ) − uᵢ(s, σ₋ᵢᵗ)) (Blum and Mansour, JMLR 2007);</item>
/// <item><b>CCE gap</b> of μₜ/t: maxᵢ external regretᵢ / t, zero exactly when the empirical play is a coarse
/// correlated equilibrium (Hart and Mas-Colell 2000);</item>
/// <item><b>Nash gap</b> (NashConv) of the time-average strategies σ̄ᵢ = (1/t) Σ σᵢᵗ (the marginals of μₜ/t) and of the
/// last iterate.</item>
/// </list>
/// </summary>
public static class SelfPlay
{
    /// <summary>Whether this thread's last <see cref="Run"/> took the fused two-Hedge loop (for tests).</summary>
    [ThreadStatic]
    internal static bool Fused;

    /// <summary>Plays the game.</summary>
    /// <param name="game">The game.</param>
    /// <param name="players">One learner per player with as many arms as the player has strategies (reset here, and told
    /// the horizon when it is <see cref="IHorizonAware"/>): an
    /// <see cref="IExpertsPolicy"/> (full information) or an <see cref="IRandomizedPolicy"/> (bandit feedback).</param>
    /// <param name="checkpoints">Increasing rounds; the last is the horizon.</param>
    /// <param name="seed">Seed for the learners' randomness and the sampled actions.</param>
    /// <param name="sampled">When true the full-information players see their payoffs against the others' drawn
    /// actions (realized feedback); when false, against their mixed strategies.</param>
    /// <param name="alternating">When true the full-information players update in turn each round (Gauss–Seidel): player
    /// i sees its payoffs against the strategies players 1 … i − 1 have just moved to and the round's strategies of the
    /// rest. The round's joint play is still σ₁ᵗ ⊗ … ⊗ σₙᵗ. Alternation keeps the cycling of zero-sum dynamics bounded
    /// (Bailey, Gidel and Piliouras, COLT 2020; Wibisono, Tao and Piliouras, NeurIPS 2022 — alternating mirror descent),
    /// so the averages converge much faster; CFR⁺ alternates for the same reason. It needs every player full-information
    /// and expected feedback.</param>
    /// <returns>The measurements.</returns>
    public static SelfPlayResult Run(NormalFormGame game, IReadOnlyList<IBanditPolicy> players, IReadOnlyList<long> checkpoints, ulong seed = 1, bool sampled = false, bool alternating = false)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(players);
        ArgumentNullException.ThrowIfNull(checkpoints);
        int n = game.Players.Count;
        if (players.Count != n)
        {
            throw new ArgumentException($"The game has {n} players; {players.Count} learners were given.", nameof(players));
        }

        Checkpoints.Validate(checkpoints);
        if (alternating && (sampled || players.Any(p => p is not IExpertsPolicy)))
        {
            throw new ArgumentException("Alternating updates need every player full-information (an experts learner) and expected feedback.", nameof(alternating));
        }

        var experts = new IExpertsPolicy?[n];
        var bandits = new IRandomizedPolicy?[n];
        for (int i = 0; i < n; i++)
        {
            if (players[i].Arms != game.StrategyCount(i))
            {
                throw new ArgumentException($"Player {i + 1} has {game.StrategyCount(i)} strategies; its learner has {players[i].Arms} arms.", nameof(players));
            }

            experts[i] = players[i] as IExpertsPolicy;
            bandits[i] = experts[i] is null ? players[i] as IRandomizedPolicy : null;
            if (experts[i] is null && bandits[i] is null)
            {
                throw new ArgumentException($"Player {i + 1}'s learner must tell its mixed strategy: a full-information (experts) learner or a randomized bandit learner such as EXP3 or Tsallis-INF.", nameof(players));
            }

            players[i].Reset(seed + (ulong)i);
            if (players[i] is IHorizonAware aware && checkpoints.Count > 0)
            {
                aware.Prepare(checkpoints[^1]); // a rate tuned to the horizon (Hedge's default) learns it here
            }
        }

        double low = Enumerable.Range(0, n).Min(game.LowestPayoff), high = Enumerable.Range(0, n).Max(game.HighestPayoff);

        double scale = 1 / (high > low ? high - low : 1); // payoffs to [0, 1]: (u − low) · scale
        bool anyBandit = bandits.Any(b => b is not null);
        bool draw = sampled || anyBandit;
        bool expected = !sampled && experts.Any(e => e is not null);
        double[][] sigma = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[][] feedback = [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])];
        double[] joint = new double[game.Profiles];
        Fused = false;
        double[][] turn = alternating ? [.. Enumerable.Range(0, n).Select(i => new double[game.StrategyCount(i)])] : [];
        int[] action = new int[n];
        var rng = new SeededRandom(seed ^ 0x5DEECE66DUL);
        var points = new List<SelfPlayCheckpoint>();
        BimatrixKernel? kernel = n == 2 ? new BimatrixKernel(game) : null;
        if (kernel is not null && !sampled && !alternating && players[0] is Hedge rowHedge && players[1] is Hedge columnHedge
            && !ReferenceEquals(rowHedge, columnHedge) && PaddedHedge.Fits(rowHedge) && PaddedHedge.Fits(columnHedge))
        {
            Fused = true;
            return new SelfPlayResult(PlayHedgePair(game, rowHedge, columnHedge, kernel, checkpoints, low, scale));
        }

        int next = 0;
        for (long t = 1; next < checkpoints.Count; t++)
        {
            for (int i = 0; i < n; i++)
            {
                if (experts[i] is { } e)
                {
                    if (alternating && t > 1)
                    {
                        turn[i].CopyTo(sigma[i], 0); // the strategy it moved to last round (a randomized learner such as FPL draws once)
                    }
                    else
                    {
                        e.Distribution(sigma[i]);
                    }

                    if (draw)
                    {
                        action[i] = Sampling.Draw(sigma[i], 1.0, rng);
                    }
                }
                else
                {
                    action[i] = bandits[i]!.Choose();
                    bandits[i]!.LastDistribution(sigma[i]);
                }
            }

            if (alternating)
            {
                if (kernel is not null)
                {
                    kernel.Play(sigma[0], sigma[1], false, feedback[0], feedback[1]);
                }
                else
                {
                    AccumulateProduct(game, sigma, joint);
                }

                PlayInTurn(game, experts!, sigma, turn, feedback, low, scale);
            }
            else
            {
                // μ += σ₁ ⊗ … ⊗ σₙ (Gambit order: player 1 fastest).
                if (kernel is not null)
                {
                    // Two players: μ, A σ₂ and Bᵀ σ₁ in one pass over the padded columns. Each player's values go to its
                    // feedback buffer; only a full-information player with expected feedback reads them.
                    kernel.Play(sigma[0], sigma[1], expected, feedback[0], feedback[1]);
                }
                else
                {
                    AccumulateProduct(game, sigma, joint);
                    for (int i = 0; i < n; i++)
                    {
                        if (expected && experts[i] is not null)
                        {
                            game.PureValues(i, sigma, feedback[i]);
                        }
                    }
                }

                int profile = draw ? game.Index(action) : 0;
                if (sampled)
                {
                    // Realized feedback: player i's payoffs along its own axis through the drawn profile.
                    for (int i = 0; i < n; i++)
                    {
                        if (experts[i] is not null)
                        {
                            ReadOnlySpan<double> table = game.PayoffTable(i);
                            int stride = game.Stride(i), origin = profile - (action[i] * stride);
                            double[] f = feedback[i];
                            for (int s = 0; s < f.Length; s++)
                            {
                                f[s] = table[origin + (s * stride)];
                            }
                        }
                    }
                }

                for (int i = 0; i < n; i++)
                {
                    if (experts[i] is { } e)
                    {
                        double[] f = feedback[i];
                        for (int k = 0; k < f.Length; k++)
                        {
                            f[k] = (f[k] - low) * scale; // one pass: the spans are short, and a call per operation costs more
                        }

                        e.Observe(f);
                    }
                    else
                    {
                        bandits[i]!.Update(action[i], (game.Payoff(i, profile) - low) * scale);
                    }
                }
            }

            if (t == checkpoints[next])
            {
                kernel?.Joint(joint);
                points.Add(Measure(game, joint, sigma, t));
                next++;
            }
        }

        return new SelfPlayResult(points);
    }

    /// <summary>
    /// Two Hedge players with expected feedback: the loop above with the learners' update fused in (no interface calls,
    /// copies or per-call checks) — the same arithmetic in the same order as <see cref="Hedge"/>'s
    /// <see cref="ExponentialWeights.Distribution"/> and <see cref="IExpertsPolicy.Observe"/>, so the results are
    /// bit-for-bit those of the general loop (tested), at about half its cost a round. The learners' state is theirs
    /// throughout, and counts the rounds played when it returns.
    /// </summary>
    private static List<SelfPlayCheckpoint> PlayHedgePair(NormalFormGame game, Hedge row, Hedge column, BimatrixKernel kernel, IReadOnlyList<long> checkpoints, double low, double scale)
    {
        var rowPlayer = new PaddedHedge(row, kernel.RowStride);
        var columnPlayer = new PaddedHedge(column, kernel.ColumnStride);
        double[][] sigma = [new double[row.Arms], new double[column.Arms]];
        double[] joint = new double[game.Profiles];
        var points = new List<SelfPlayCheckpoint>(checkpoints.Count);
        long t = 0;
        foreach (long checkpoint in checkpoints)
        {
            for (; t < checkpoint; t++)
            {
                rowPlayer.Distribution();
                columnPlayer.Distribution();
                kernel.PlayPadded(rowPlayer.Strategy, columnPlayer.Strategy, true, rowPlayer.Values, columnPlayer.Values);
                rowPlayer.Absorb(low, scale);
                columnPlayer.Absorb(low, scale);
            }

            kernel.Joint(joint);
            Array.Copy(rowPlayer.Strategy, sigma[0], sigma[0].Length);
            Array.Copy(columnPlayer.Strategy, sigma[1], sigma[1].Length);
            points.Add(Measure(game, joint, sigma, t));
        }

        rowPlayer.Return(t);
        columnPlayer.Return(t);
        return points;
    }

    /// <summary>One round of alternating updates: each player in turn sees its values against the strategies in
    /// <paramref name="turn"/> (those already moved this round, the round's strategies of the rest), learns, and moves.</summary>
    private static void PlayInTurn(NormalFormGame game, IExpertsPolicy?[] experts, double[][] sigma, double[][] turn, double[][] feedback, double low, double scale)
    {
        for (int i = 0; i < sigma.Length; i++)
        {
            sigma[i].CopyTo(turn[i], 0);
        }

        for (int i = 0; i < sigma.Length; i++)
        {
            double[] f = feedback[i];
            game.PureValues(i, turn, f);
            for (int k = 0; k < f.Length; k++)
            {
                f[k] = (f[k] - low) * scale;
            }

            IExpertsPolicy learner = experts[i]!;
            learner.Observe(f);
            learner.Distribution(turn[i]);
        }
    }

    /// <summary>μ += Πᵢ σᵢ(pᵢ) for every profile p of an n-player game.</summary>
    private static void AccumulateProduct(NormalFormGame game, double[][] sigma, double[] joint)
    {
        int n = sigma.Length;
        Span<int> profile = stackalloc int[n];
        profile.Clear();
        for (int p = 0; p < joint.Length; p++)
        {
            double w = 1;
            for (int i = 0; i < n && w != 0; i++)
            {
                w *= sigma[i][profile[i]];
            }

            joint[p] += w;
            for (int i = 0; i < n; i++)
            {
                if (++profile[i] < game.StrategyCount(i))
                {
                    break;
                }

                profile[i] = 0;
            }
        }
    }

    private static SelfPlayCheckpoint Measure(NormalFormGame game, double[] joint, double[][] sigma, long t)
    {
        int n = sigma.Length;
        double[] external = new double[n], swap = new double[n];
        for (int i = 0; i < n; i++)
        {
            (external[i], swap[i]) = game.DeviationGains(i, joint);
        }

        double[][] average = [.. game.Marginals(joint).Select(m => m.Select(v => v / t).ToArray())]; // the time-average strategies

        double[][] last = [.. sigma.Select(s => (double[])s.Clone())];
        return new SelfPlayCheckpoint(t, external, swap, Math.Max(0, external.Max()) / t, game.NashGap(average), game.NashGap(last), average, last);
    }
}
