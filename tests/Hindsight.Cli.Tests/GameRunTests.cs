using System.Text.Json;

namespace Hindsight.Cli.Tests;

/// <summary><c>hindsight run</c> on repeated-game, preference and dueling specs: outputs, and bad input → exit 2 naming
/// the line and field, nothing written.</summary>
public class GameRunTests
{
    [Fact]
    public void A_game_spec_writes_results_with_gaps_per_checkpoint()
    {
        var (code, stdout, stderr, dir) = Cli.RunSpec("""
            kind: game
            horizon: 2000
            games: [matching-pennies, {kind: random-general-sum, name: three, players: 3, strategies: 2, seed: 2}]
            learners: [hedge, exp3]
            """);
        Assert.True(code == 0, stderr);
        Assert.Contains("Nash gap (average)", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Equal("game", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("results").GetArrayLength());
        JsonElement first = doc.RootElement.GetProperty("results")[0];
        Assert.Equal(doc.RootElement.GetProperty("checkpoints").GetArrayLength(), first.GetProperty("averageNashGap").GetArrayLength());
        JsonElement three = doc.RootElement.GetProperty("games")[1];
        Assert.Equal("correlated (welfare-maximizing CE, LP)", three.GetProperty("method").GetString());
        Assert.Equal(3, three.GetProperty("correlatedEquilibriumPayoffs").GetArrayLength());
        Assert.False(three.TryGetProperty("value", out _));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Alternating_updates_are_run_and_recorded()
    {
        var (code, _, stderr, dir) = Cli.RunSpec("""
            kind: game
            horizon: 2000
            updates: alternating
            games: [{kind: random-zero-sum, rows: 4, columns: 4, seed: 3}]
            learners: [{kind: hedge, eta: 0.1}, {kind: regret-matching, plus: true}]
            """);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Equal("alternating", doc.RootElement.GetProperty("updates").GetString());
        Assert.Equal("expected", doc.RootElement.GetProperty("feedback").GetString());
        Assert.Contains("alternating updates", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Preference_and_dueling_specs_run()
    {
        var (code, _, stderr, dir) = Cli.RunSpec("""
            kind: preference
            iterations: 50
            beta: 0.1
            seed: 4
            game: {kind: intransitive, prompts: 2, responses: 4}
            learners: [nash-mp, {kind: nash-mp, name: sampled, samples: 20}, {kind: dpo, name: online, online: true, samples: 50}, bt-po]
            """);
        Assert.True(code == 0, stderr);
        using (var preference = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json"))))
        {
            JsonElement root = preference.RootElement;
            Assert.Equal("preference", root.GetProperty("kind").GetString());
            int checkpoints = root.GetProperty("checkpoints").GetArrayLength();
            Assert.Equal(4, root.GetProperty("results").GetArrayLength());
            foreach (JsonElement r in root.GetProperty("results").EnumerateArray())
            {
                foreach (string series in new[] { "dualityGap", "averageDualityGap", "klToNash", "winRateAgainstMinimaxWinner" })
                {
                    Assert.Equal(checkpoints, r.GetProperty(series).GetArrayLength());
                    Assert.All(r.GetProperty(series).EnumerateArray(), x => Assert.True(double.IsFinite(x.GetDouble()) && x.GetDouble() >= -1e-12, series));
                }
            }

            // Exact Nash-MP ends nearer the regularized Nash policy than Bradley–Terry + PO on this intransitive game.
            double Final(int k) => root.GetProperty("results")[k].GetProperty("dualityGap").EnumerateArray().Last().GetDouble();
            Assert.True(Final(0) < Final(3), $"{Final(0)} vs {Final(3)}");
        }

        (code, _, stderr, dir) = Cli.RunSpec("""
            kind: preference
            iterations: 20
            game: {kind: contextual, prompts: 3, responses: 4, dimension: 2, cycle: 1}
            learners: [nash-mp, loglinear-dpo, loglinear-bt-po]
            """);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        (code, _, stderr, dir) = Cli.RunSpec("""
            kind: dueling
            horizon: 500
            runs: 2
            environments: [{kind: matrix, preferences: "0.5 0.7; 0.3 0.5"}]
            learners: [rucb, dts]
            """);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("kind: game\nhorizon: 10\ngames: [rock-paper-scisors]\nlearners: [hedge]\n", "games[0].kind", "rock-paper-scissors")]
    [InlineData("kind: game\nhorizon: 10\ngames: [shapley]\nlearners: [ucb1]\n", "learners[0]", "mixed strategy")]
    [InlineData("kind: game\nhorizon: 10\nfeedback: noisy\ngames: [shapley]\nlearners: [hedge]\n", "feedback", "expected")]
    [InlineData("kind: game\nhorizon: 10\nupdates: sideways\ngames: [shapley]\nlearners: [hedge]\n", "updates", "alternating")]
    [InlineData("kind: game\nhorizon: 10\nfeedback: sampled\nupdates: alternating\ngames: [shapley]\nlearners: [hedge]\n", "updates", "expected feedback")]
    [InlineData("kind: game\nhorizon: 10\nupdates: alternating\ngames: [shapley]\nlearners: [exp3]\n", "learners[0]", "in turn")]
    [InlineData("kind: preference\niterations: 10\nbeta: 0\ngame: {kind: intransitive}\nlearners: [dpo]\n", "learners[0]", "β > 0")]
    [InlineData("kind: preference\niterations: 10\nbeta: 0.1\ngame: {kind: intransitive}\nlearners: [{kind: egpo, eta: 20}]\n", "learners[0]", "ηβ < 1")]
    [InlineData("kind: dueling\nhorizon: 10\nenvironments: [{kind: matrix, preferences: \"0.5 0.7; 0.7 0.5\"}]\nlearners: [rucb]\n", "environments[0]", "P + Pᵀ = 1")]
    [InlineData("kind: preference\niterations: 10\ngame: {kind: intransitive}\nlearners: [loglinear-dpo]\n", "learners[0]", "context features")]
    [InlineData("kind: markov\niterations: 10\ngames: [{kind: random, states: 9, actions: 3}]\nlearners: [hedge]\n", "games[0]", "deterministic stationary policies")]
    [InlineData("kind: markov\niterations: 10\ngames: [random]\nlearners: [exp3]\n", "learners[0]", "full-information")]
    [InlineData("kind: preference\niterations: 10\nbeta: 1e-9\ngame: {kind: intransitive}\nlearners: [nash-mp]\n", "beta", "beta: 0")]
    [InlineData("kind: preference\niterations: 10\ngame: {kind: intransitive, spread: 400}\nlearners: [nash-mp]\n", "game", "spread")]
    [InlineData("kind: game\nhorizon: 10\ngames: [{kind: random-general-sum, players: 10, strategies: 10}]\nlearners: [hedge]\n", "games[0]", "pure profiles")]
    [InlineData("kind: dueling\nhorizon: 10\nenvironments: [{kind: matrix, preferences: \"0.5 x; 0.5 0.5\"}]\nlearners: [rucb]\n", "environments[0].preferences", "not a number")]
    public void Bad_specs_exit_2_naming_the_field_and_write_nothing(string spec, string field, string hint)
    {
        var (code, _, stderr, dir) = Cli.RunSpec(spec);
        Assert.Equal(2, code);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        Assert.Contains(hint, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_markov_spec_writes_its_report()
    {
        var (code, stdout, stderr, dir) = Cli.RunSpec("kind: markov\ndescription: two <games>\niterations: 30\ngames: [random, {kind: random, name: general, zeroSum: false, states: 2}]\nlearners: [optimistic-hedge]\n");
        Assert.True(code == 0, stderr);
        Assert.Contains("CCE gap", stdout, StringComparison.Ordinal);
        Assert.Contains("<p>two &lt;games&gt;</p>", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(["random", "general"], doc.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("game").GetString()));
        Assert.True(doc.RootElement.GetProperty("games")[0].TryGetProperty("value", out _));
        Assert.False(doc.RootElement.GetProperty("games")[1].TryGetProperty("value", out _));
    }

    [Fact]
    public void Horizon_above_a_kinds_limit_is_refused()
    {
        var (code, _, stderr, _) = Cli.RunSpec("kind: markov\niterations: 10\ngames: [random]\nlearners: [hedge]\n", "--horizon", "2000000");
        Assert.Equal(2, code);
        Assert.Contains("--horizon 2000000", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_does_not_apply_to_a_game_spec()
    {
        var (code, _, stderr, _) = Cli.RunSpec("kind: game\nhorizon: 10\ngames: [shapley]\nlearners: [hedge]\n", "--runs", "3");
        Assert.Equal(2, code);
        Assert.Contains("--runs", stderr, StringComparison.Ordinal);
    }
}
