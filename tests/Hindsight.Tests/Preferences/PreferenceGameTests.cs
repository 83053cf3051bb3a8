using Hindsight.Preferences;

namespace Hindsight.Tests.Preferences;

public class PreferenceGameTests
{
    private static readonly PreferenceGame Game = PreferenceGames.Intransitive(4, 7, cycle: 3, transitive: 0.5, seed: 1);

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void The_regularized_nash_policy_has_zero_duality_gap_and_satisfies_its_fixed_point(double beta)
    {
        TabularPolicy nash = Game.RegularizedNash(beta);
        Assert.True(Game.DualityGap(nash, beta) < 1e-12);
        for (int x = 0; x < Game.Prompts; x++)
        {
            // π(y) ∝ μ(y) exp(P(y ≻ π)/β): log(π/μ) − v/β is the same for every y.
            double[] v = new double[Game.Responses(x)];
            Game.WinRates(x, nash[x], v);
            double[] c = [.. Enumerable.Range(0, v.Length).Select(y => Math.Log(nash[x][y] / Game.ReferenceOf(x)[y]) - (v[y] / beta))];
            Assert.True(c.Max() - c.Min() < 1e-10);
        }
    }

    [Fact]
    public void The_minimax_winner_is_beaten_by_nothing_and_has_zero_unregularized_gap()
    {
        TabularPolicy winner = Game.MinimaxWinner();
        Assert.True(Game.DualityGap(winner, 0) < 1e-9);
        Assert.True(Game.WinRate(Game.Reference, winner) <= 0.5 + 1e-9);
        Assert.True(Game.DualityGap(Game.Reference, 0) > 0.1); // the reference is exploitable
    }

    [Fact]
    public void The_regularized_nash_approaches_the_minimax_winner_as_beta_shrinks_and_is_found_for_small_beta()
    {
        TabularPolicy winner = Game.MinimaxWinner();
        double[] kl = [.. new[] { 0.1, 0.01, 0.001, 1e-4 }.Select(b => Game.Kl(winner, Game.RegularizedNash(b)))];
        Assert.True(kl[1] < kl[0] && kl[2] < kl[1] && kl[3] < kl[2], string.Join(", ", kl));
        Assert.True(Game.DualityGap(Game.RegularizedNash(1e-4), 1e-4) < 1e-10);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void The_closed_form_duality_gap_is_the_definition_max_over_p_minus_min_over_q(double beta)
    {
        // Two responses, P(0 ≻ 1) = 0.8, μ = (0.3, 0.7): f(p, q) = P(p ≻ q) − β KL(p‖μ) + β KL(q‖μ) with p, q on a fine
        // grid; DG(π) = max_p f(p, π) − min_q f(π, q).
        var game = new PreferenceGame([new double[,] { { 0.5, 0.8 }, { 0.2, 0.5 } }], [[0.3, 0.7]]);
        double Kl(double a, double m) => (a > 0 ? a * Math.Log(a / m) : 0) + (a < 1 ? (1 - a) * Math.Log((1 - a) / (1 - m)) : 0);
        double F(double p, double q) => (p * q * 0.5) + (p * (1 - q) * 0.8) + ((1 - p) * q * 0.2) + ((1 - p) * (1 - q) * 0.5) - (beta * Kl(p, 0.3)) + (beta * Kl(q, 0.3));
        foreach (double pi in new[] { 0.1, 0.45, 0.9 })
        {
            double[] grid = [.. Enumerable.Range(0, 200_001).Select(i => i / 200_000.0)];
            double best = grid.Max(p => F(p, pi)), worst = grid.Min(q => F(pi, q));
            Assert.Equal(best - worst, game.DualityGap(new TabularPolicy([[pi, 1 - pi]]), beta), 6);
        }
    }

    [Fact]
    public void Bad_preferences_are_refused_naming_the_entry()
    {
        var notComplementary = new double[,] { { 0.5, 0.7 }, { 0.7, 0.5 } };
        var ex = Assert.Throws<ArgumentException>(() => new PreferenceGame([notComplementary]));
        Assert.Contains("P[0, 1]", ex.Message, StringComparison.Ordinal);
        var ok = new double[,] { { 0.5, 0.7 }, { 0.3, 0.5 } };
        Assert.Throws<ArgumentException>(() => new PreferenceGame([ok], reference: [[1.0, 0.0]]));
        Assert.Throws<ArgumentException>(() => new PreferenceGame([new double[,] { { 0.5 } }]));
    }
}
