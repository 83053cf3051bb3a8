using Hindsight.Bandits.Policies;
using Hindsight.Experts;
using Hindsight.Experts.Policies;
using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Tests.Games;

/// <summary>No-regret dynamics against exact equilibria (figures measured with these seeds, T = 10⁵).</summary>
public class SelfPlayTests
{
    private static readonly long[] Checkpoints = [1000, 10_000, 100_000];

    private static double Distance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b)
        => a.Zip(b).Max(p => p.First.Zip(p.Second).Max(q => Math.Abs(q.First - q.Second)));

    [Fact]
    public void Optimistic_hedge_last_iterate_converges_on_a_random_zero_sum_game()
    {
        // Measured: distance to the LP equilibrium 1.4e-2, 1.2e-5, 3.9e-12 at t = 10³, 10⁴, 10⁵.
        NormalFormGame game = RandomGames.ZeroSum(10, 10, 4);
        Equilibrium nash = ZeroSumSolver.Solve(game);
        SelfPlayResult r = SelfPlay.Run(game, [new OptimisticHedge(10), new OptimisticHedge(10)], Checkpoints);
        Assert.True(Distance(r.Checkpoints[1].Last, nash.Strategies) < 1e-3);
        Assert.True(Distance(r.Checkpoints[2].Last, nash.Strategies) < 1e-6);
        Assert.True(r.Checkpoints[2].LastNashGap < 1e-6);
    }

    [Fact]
    public void Hedge_average_converges_while_its_last_iterate_does_not()
    {
        // Fixed η = 0.1: average Nash gap 4.3e-2 → 5.1e-3; last iterate 0.13 → 0.67 away from the equilibrium.
        NormalFormGame game = RandomGames.ZeroSum(10, 10, 4);
        Equilibrium nash = ZeroSumSolver.Solve(game);
        SelfPlayResult r = SelfPlay.Run(game, [new Hedge(10, 0.1), new Hedge(10, 0.1)], Checkpoints);
        Assert.True(r.Checkpoints[2].AverageNashGap < 0.01);
        Assert.True(r.Checkpoints[2].AverageNashGap < r.Checkpoints[0].AverageNashGap / 5);
        Assert.True(Distance(r.Checkpoints[2].Last, nash.Strategies) > 0.3);
    }

    [Fact]
    public void Hedge_self_play_on_rock_paper_scissors_averages_to_uniform_with_sampled_feedback()
    {
        // Realized feedback (each player sees its payoffs against the other's drawn action): the average strategies
        // are 4.3e-2, 1.8e-2, 3.9e-3 from uniform at t = 10³, 10⁴, 10⁵ while the last iterate wanders (0.59 at 10⁵).
        var h1 = new Hedge(3);
        var h2 = new Hedge(3);
        h1.Prepare(100_000);
        h2.Prepare(100_000);
        SelfPlayResult r = SelfPlay.Run(Classics.RockPaperScissors(), [h1, h2], Checkpoints, seed: 3, sampled: true);
        double[][] uniform = [[1 / 3.0, 1 / 3.0, 1 / 3.0], [1 / 3.0, 1 / 3.0, 1 / 3.0]];
        Assert.True(Distance(r.Checkpoints[2].Average, uniform) < 0.01);
        Assert.True(Distance(r.Checkpoints[2].Last, uniform) > 0.1);
    }

    [Fact]
    public void Hedge_self_play_on_rock_paper_scissors_from_a_skewed_start_averages_to_uniform_at_rate_one_over_t()
    {
        // Expected feedback, η = √(8 ln 3 / T), priors (0.5, 0.3, 0.2) and (0.2, 0.3, 0.5): the average's distance to
        // uniform is 1.3e-1, 1.1e-2, 1.5e-3 at t = 10³, 10⁴, 10⁵ (about ×0.1 a decade: the orbit's average), while the last
        // iterate stays 0.2–0.3 away. (The issue asks 1e-3 at 10⁵; from this start it is 1.5e-3.)
        var h1 = new Hedge(3, prior: [0.5, 0.3, 0.2]);
        var h2 = new Hedge(3, prior: [0.2, 0.3, 0.5]);
        h1.Prepare(100_000);
        h2.Prepare(100_000);
        SelfPlayResult r = SelfPlay.Run(Classics.RockPaperScissors(), [h1, h2], Checkpoints);
        double[][] uniform = [[1 / 3.0, 1 / 3.0, 1 / 3.0], [1 / 3.0, 1 / 3.0, 1 / 3.0]];
        double[] distance = [.. r.Checkpoints.Select(c => Distance(c.Average, uniform))];
        Assert.True(distance[2] < 2e-3, $"{distance[2]}");
        Assert.True(distance[1] < 0.2 * distance[0] && distance[2] < 0.2 * distance[1], string.Join(", ", distance));
        Assert.All(r.Checkpoints, c => Assert.True(Distance(c.Last, uniform) > 0.15));
    }

    [Fact]
    public void Alternating_hedge_on_rock_paper_scissors_averages_to_uniform_within_1e_3_from_every_start()
    {
        // Alternating updates (Wibisono, Tao and Piliouras 2022) keep the orbit bounded, so a constant η can be large and
        // the average's error, the cut-off cycle over T, is small. Measured at 10⁵, η = 0.1: from the skewed start
        // 3.8e-5 (simultaneous: 1.7e-3), the last iterate still cycling (Nash gap ≈ 0.5); from 20 Dirichlet(1) starts
        // median 1.5e-4, largest 3.9e-4 (simultaneous with η tuned to T: median 2.2e-3, 1 of 20 below 1e-3).
        NormalFormGame rps = Classics.RockPaperScissors();
        double[][] uniform = [[1 / 3.0, 1 / 3.0, 1 / 3.0], [1 / 3.0, 1 / 3.0, 1 / 3.0]];
        SelfPlayResult skewed = SelfPlay.Run(rps, [new Hedge(3, 0.1, [0.5, 0.3, 0.2]), new Hedge(3, 0.1, [0.2, 0.3, 0.5])], Checkpoints, alternating: true);
        Assert.True(Distance(skewed.Checkpoints[2].Average, uniform) < 1e-4);
        Assert.All(skewed.Checkpoints, c => Assert.InRange(c.LastNashGap, 0.3, 1.0)); // cycling, but bounded
        SelfPlayResult simultaneous = SelfPlay.Run(rps, [new Hedge(3, 0.1, [0.5, 0.3, 0.2]), new Hedge(3, 0.1, [0.2, 0.3, 0.5])], Checkpoints);
        Assert.True(Distance(simultaneous.Checkpoints[2].Average, uniform) > 1e-3);
        Assert.True(simultaneous.Checkpoints[2].LastNashGap > 1.5); // spiralled out to the boundary

        var rng = new Random(11);
        double[] Start()
        {
            double[] g = [.. Enumerable.Range(0, 3).Select(_ => -Math.Log(1 - rng.NextDouble()))];
            return [.. g.Select(x => x / g.Sum())];
        }

        double[] distances = [.. Enumerable.Range(0, 20).Select(_ =>
            Distance(SelfPlay.Run(rps, [new Hedge(3, 0.1, Start()), new Hedge(3, 0.1, Start())], [100_000], alternating: true).Checkpoints[0].Average, uniform))];
        Assert.All(distances, d => Assert.True(d < 1e-3, $"{d}"));
    }

    [Fact]
    public void Alternating_updates_let_each_player_learn_from_the_strategies_already_moved()
    {
        NormalFormGame game = RandomGames.GeneralSum(3, 4, 8);
        SelfPlayResult r = SelfPlay.Run(game, [new Hedge(3, 0.2), new Hedge(4, 0.2)], [50], alternating: true);

        // By hand: player 1 learns from σ₂ᵗ, then player 2 from player 1's new strategy.
        var h1 = new Hedge(3, 0.2);
        var h2 = new Hedge(4, 0.2);
        h1.Reset(1);
        h2.Reset(2);
        double low = Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(0, game.Profiles).Select(k => game.Payoff(i, k))).Min();
        double high = Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(0, game.Profiles).Select(k => game.Payoff(i, k))).Max();
        double[] x = new double[3], y = new double[4], xSum = new double[3], ySum = new double[4];
        for (int t = 0; t < 50; t++)
        {
            h1.Distribution(x);
            h2.Distribution(y);
            for (int k = 0; k < 3; k++)
            {
                xSum[k] += x[k];
            }

            for (int k = 0; k < 4; k++)
            {
                ySum[k] += y[k];
            }

            h1.Observe([.. Enumerable.Range(0, 3).Select(a => (Enumerable.Range(0, 4).Sum(b => y[b] * game.Payoff(0, a, b)) - low) / (high - low))]);
            double[] moved = new double[3];
            h1.Distribution(moved);
            h2.Observe([.. Enumerable.Range(0, 4).Select(b => (Enumerable.Range(0, 3).Sum(a => moved[a] * game.Payoff(1, a, b)) - low) / (high - low))]);
        }

        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(xSum[k] / 50, r.Checkpoints[0].Average[0][k], 12);
        }

        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(ySum[k] / 50, r.Checkpoints[0].Average[1][k], 12);
        }

        Assert.Throws<ArgumentException>(() => SelfPlay.Run(game, [new Hedge(3), new Hedge(4)], [10], sampled: true, alternating: true));

        // A randomized learner (FPL) plays the very strategy the next player learned against: one draw a round, replayed.
        NormalFormGame rps = Classics.RockPaperScissors();
        SelfPlayResult fpl = SelfPlay.Run(rps, [new FollowThePerturbedLeader(3), new FollowThePerturbedLeader(3)], [100], seed: 3, alternating: true);
        var f1 = new FollowThePerturbedLeader(3);
        var f2 = new FollowThePerturbedLeader(3);
        f1.Reset(3);
        f2.Reset(4);
        double[] a = new double[3], b = new double[3], aSum = new double[3];
        f1.Distribution(a);
        f2.Distribution(b);
        for (int t = 0; t < 100; t++)
        {
            for (int k = 0; k < 3; k++)
            {
                aSum[k] += a[k];
            }

            f1.Observe([.. Enumerable.Range(0, 3).Select(i => (Enumerable.Range(0, 3).Sum(j => b[j] * rps.Payoff(0, i, j)) + 1) / 2)]);
            f1.Distribution(a);
            f2.Observe([.. Enumerable.Range(0, 3).Select(j => (Enumerable.Range(0, 3).Sum(i => a[i] * rps.Payoff(1, i, j)) + 1) / 2)]);
            f2.Distribution(b);
        }

        Assert.Equal(aSum.Select(x => x / 100), fpl.Checkpoints[0].Average[0], (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Throws<ArgumentException>(() => SelfPlay.Run(game, [new Hedge(3), new Exp3(4)], [10], alternating: true));
    }

    [Fact]
    public void Regret_matching_plus_on_shapleys_game_cycles_but_its_average_approaches_the_equilibrium()
    {
        // Average Nash gap 2.3e-2 → 3.0e-3; last-iterate gap stays above 0.5.
        SelfPlayResult r = SelfPlay.Run(Classics.Shapley(), [new RegretMatching(3, plus: true), new RegretMatching(3, plus: true)], Checkpoints, seed: 2, sampled: true);
        Assert.True(r.Checkpoints[2].AverageNashGap < 0.01);
        Assert.All(r.Checkpoints, c => Assert.True(c.LastNashGap > 0.3));
    }

    [Fact]
    public void Fictitious_play_averages_converge_on_a_zero_sum_game()
    {
        // Robinson (1951): in a zero-sum game the empirical averages of fictitious play approach an equilibrium
        // (a random 3×3 game, whose equilibrium is not the uniform start). Measured: average Nash gap 1.6e-2, 4.9e-3,
        // 1.5e-3 at t = 10³, 10⁴, 10⁵; the last iterate (a pure best response) keeps a gap of 0.58–0.84.
        SelfPlayResult r = SelfPlay.Run(RandomGames.ZeroSum(3, 3, 5), [new FictitiousPlay(3), new FictitiousPlay(3)], Checkpoints);
        Assert.True(r.Checkpoints[2].AverageNashGap < 5e-3);
        Assert.True(r.Checkpoints[2].AverageNashGap < r.Checkpoints[0].AverageNashGap / 5);
        Assert.All(r.Checkpoints, c => Assert.True(c.LastNashGap > 0.3));
    }

    [Fact]
    public void Swap_regret_is_at_least_external_regret()
    {
        SelfPlayResult r = SelfPlay.Run(RandomGames.GeneralSum(4, 5, 2), [new Hedge(4, 0.05), new RegretMatching(5)], Checkpoints, sampled: true);
        Assert.All(r.Checkpoints, c => Assert.All(Enumerable.Range(0, 2), i => Assert.True(c.SwapRegret[i] >= c.ExternalRegret[i] - 1e-9)));
    }

    [Fact]
    public void Predictive_regret_matching_plus_converges_faster_than_regret_matching_plus()
    {
        NormalFormGame game = RandomGames.ZeroSum(10, 10, 4);
        SelfPlayResult plain = SelfPlay.Run(game, [new RegretMatching(10, plus: true), new RegretMatching(10, plus: true)], Checkpoints);
        SelfPlayResult predictive = SelfPlay.Run(game, [new RegretMatching(10, plus: true, predictive: true), new RegretMatching(10, plus: true, predictive: true)], Checkpoints);
        // Measured (average / last-iterate Nash gap at 10³, 10⁴, 10⁵): RM⁺ 1.9e-2/0.56, 5.6e-3/0.42, 1.1e-3/0.16;
        // predictive RM⁺ 2.0e-3/2.7e-7, 2.0e-4/7e-16, 2.0e-5/3e-16 — its average at rate 1/T and its last iterate
        // converging (Farina et al. 2021 report the same ordering on their benchmark games).
        for (int c = 0; c < Checkpoints.Length; c++)
        {
            Assert.True(predictive.Checkpoints[c].AverageNashGap < plain.Checkpoints[c].AverageNashGap / 5);
        }

        Assert.True(predictive.Checkpoints[1].LastNashGap < 1e-6);
        Assert.True(plain.Checkpoints[2].LastNashGap > 0.05);
    }

    [Fact]
    public void Bandit_players_drive_the_average_and_the_cce_gap_down()
    {
        NormalFormGame game = RandomGames.ZeroSum(5, 5, 4);
        SelfPlayResult r = SelfPlay.Run(game, [new Exp3(5), new TsallisInf(5)], Checkpoints, seed: 5);
        // EXP3 against Tsallis-INF, each seeing only its own payoff. Measured average Nash gap 0.30, 0.19, 0.025 and
        // CCE gap 0.27, 0.18, 0.015 at 10³, 10⁴, 10⁵. Bound on the CCE gap at 10⁵: the larger of the two expected-regret
        // bounds over T, times the payoff range (≤ 2): Tsallis-INF 4√(KT) + 1 ≈ 2 830 (Zimmert and Seldin 2021) → 0.057.
        double range = 2;
        Assert.True(r.Checkpoints[2].CceGap < range * ((4 * Math.Sqrt(5 * 100_000.0)) + 1) / 100_000);
        Assert.True(r.Checkpoints[2].AverageNashGap < r.Checkpoints[0].AverageNashGap / 5);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, false)] // the general loop with the two-player kernel
    [InlineData(new[] { 5, 6 }, true)] // two Hedge players: the fused loop
    [InlineData(new[] { 20, 3 }, false)] // more than 16 rows: the kernel's column-by-column path
    [InlineData(new[] { 2, 3, 2 }, false)] // three players: the n-player product and PureValues
    public void Regrets_and_cce_gap_match_a_round_by_round_replay_of_the_same_learners(int[] shape, bool allHedge)
    {
        // Independent of the joint-play bookkeeping: replay identical learners, computing each round's payoffs with
        // PureValues and accumulating external regret and swap-regret matrices directly.
        NormalFormGame game = RandomGames.GeneralSum(shape, 6);
        int n = shape.Length;
        long[] at = [50, 200];
        IExpertsPolicy Make(int i) => i == 1 && !allHedge ? new RegretMatching(shape[i], plus: true) : new Hedge(shape[i], 0.2);
        SelfPlayResult r = SelfPlay.Run(game, [.. Enumerable.Range(0, n).Select(Make)], at, seed: 9);
        Assert.Equal(allHedge, SelfPlay.Fused);
        IExpertsPolicy[] players = [.. Enumerable.Range(0, n).Select(Make)];
        for (int i = 0; i < n; i++)
        {
            players[i].Reset(9 + (ulong)i);
        }

        double low = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, game.Profiles).Select(k => game.Payoff(i, k))).Min();
        double high = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, game.Profiles).Select(k => game.Payoff(i, k))).Max();
        double[][] pure = [.. shape.Select(k => new double[k])];
        double[][,] swap = [.. shape.Select(k => new double[k, k])];
        double[] earned = new double[n];
        for (int t = 1; t <= 200; t++)
        {
            double[][] sigma = [.. shape.Select(k => new double[k])];
            for (int i = 0; i < n; i++)
            {
                players[i].Distribution(sigma[i]);
            }

            for (int i = 0; i < n; i++)
            {
                double[] v = new double[sigma[i].Length];
                game.PureValues(i, sigma, v);
                for (int s = 0; s < v.Length; s++)
                {
                    pure[i][s] += v[s];
                    earned[i] += sigma[i][s] * v[s];
                    for (int d = 0; d < v.Length; d++)
                    {
                        swap[i][s, d] += sigma[i][s] * v[d];
                    }
                }

                players[i].Observe([.. v.Select(x => (x - low) / (high - low))]);
            }

            int c = Array.IndexOf(at, (long)t);
            if (c < 0)
            {
                continue;
            }

            double[] external = new double[n];
            for (int i = 0; i < n; i++)
            {
                int k = pure[i].Length;
                double swapRegret = Enumerable.Range(0, k).Sum(s => Enumerable.Range(0, k).Max(d => swap[i][s, d]) - swap[i][s, s]);
                external[i] = pure[i].Max() - earned[i];
                Assert.Equal(external[i], r.Checkpoints[c].ExternalRegret[i], 9);
                Assert.Equal(swapRegret, r.Checkpoints[c].SwapRegret[i], 9);
            }

            // The CCE gap of the empirical joint play: the largest average gain from a fixed deviation, from the replay.
            Assert.Equal(Math.Max(0, external.Max()) / t, r.Checkpoints[c].CceGap, 9);
        }
    }

    [Fact]
    public void Fictitious_play_on_shapleys_game_from_a_pure_start_cycles_and_its_average_does_not_converge()
    {
        // Shapley (1964): from a generic start the players chase each other around the three strategies with runs that
        // grow geometrically, so the empirical averages keep circling the uniform equilibrium instead of converging.
        var p1 = new FictitiousPlay(3, initialRewards: [1, 0, 0]);
        var p2 = new FictitiousPlay(3, initialRewards: [0, 1, 0]);
        // Measured average Nash gap 0.288, 0.283, 0.282 at 10³, 10⁴, 10⁵ — flat (a converging average would fall ×3 a decade).
        SelfPlayResult r = SelfPlay.Run(Classics.Shapley(), [p1, p2], Checkpoints);
        Assert.All(r.Checkpoints, c => Assert.True(c.AverageNashGap > 0.2, $"{c.AverageNashGap}"));
        Assert.True(r.Checkpoints[2].AverageNashGap > 0.8 * r.Checkpoints[0].AverageNashGap);
        Assert.Throws<ArgumentException>(() => new FictitiousPlay(3, initialRewards: [1, 0]));
    }

    [Theory]
    [InlineData(10, 10, 0.1, false)] // the benchmark's game
    [InlineData(7, 13, 0.3, true)] // strides 8 and 16, a prior, strategies flushed below 1e-150
    [InlineData(16, 5, 0.05, false)] // the widest fused shape
    [InlineData(17, 3, 0.05, false)] // more than 16 rows: both runs take the general loop (the kernel's column-by-column path)
    public void Two_hedge_players_take_the_fused_loop_with_the_general_loops_results_bit_for_bit(int rows, int columns, double eta, bool prior)
    {
        bool fits = rows <= 16 && columns <= 16;
        NormalFormGame game = RandomGames.GeneralSum(rows, columns, 5);
        Hedge Make(int k) => prior ? new Hedge(k, eta, [.. Enumerable.Range(1, k).Select(i => (double)i)]) : new Hedge(k, eta);
        Hedge fusedRow = Make(rows), fusedColumn = Make(columns), generalRow = Make(rows), generalColumn = Make(columns);
        long[] at = [1, 10, 1000, 20_000];
        SelfPlayResult fused = SelfPlay.Run(game, [fusedRow, fusedColumn], at);
        Assert.Equal(fits, SelfPlay.Fused);
        SelfPlayResult general = SelfPlay.Run(game, [new Wrapped(generalRow), new Wrapped(generalColumn)], at);
        Assert.False(SelfPlay.Fused);
        for (int c = 0; c < at.Length; c++)
        {
            SelfPlayCheckpoint f = fused.Checkpoints[c], g = general.Checkpoints[c];
            Assert.Equal(g.ExternalRegret, f.ExternalRegret);
            Assert.Equal(g.SwapRegret, f.SwapRegret);
            Assert.Equal(g.CceGap, f.CceGap);
            Assert.Equal(g.AverageNashGap, f.AverageNashGap);
            Assert.Equal(g.LastNashGap, f.LastNashGap);
            Assert.Equal(g.Average, f.Average);
            Assert.Equal(g.Last, f.Last);
        }

        // The learners are left in the same state: the next distribution and a further observation agree.
        foreach ((Hedge a, Hedge b) in new[] { (fusedRow, generalRow), (fusedColumn, generalColumn) })
        {
            double[] p = new double[a.Arms], q = new double[b.Arms];
            a.Distribution(p);
            b.Distribution(q);
            Assert.Equal(q, p);
        }

        if (prior && eta == 0.3)
        {
            Assert.Contains(fused.Checkpoints[^1].Last, s => s.Any(x => x is > 0 and < BimatrixKernel.Tiny));
        }
    }

    /// <summary>Hides a learner's type so self-play takes its general loop (not <c>IHorizonAware</c>: the tests give a
    /// fixed η, which <c>Prepare</c> would not change).</summary>
    private sealed class Wrapped(IExpertsPolicy inner) : IExpertsPolicy
    {
        public int Arms => inner.Arms;

        public void Reset(ulong seed) => inner.Reset(seed);

        public int Choose() => inner.Choose();

        public void Update(int arm, double reward) => inner.Update(arm, reward);

        public void Distribution(Span<double> weights) => inner.Distribution(weights);

        public void Observe(ReadOnlySpan<double> rewards) => inner.Observe(rewards);
    }
}
