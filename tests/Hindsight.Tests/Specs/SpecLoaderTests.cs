using Hindsight.Specs;

namespace Hindsight.Tests.Specs;

public class SpecLoaderTests
{
    private const string Good = """
        name: t
        horizon: 1000
        runs: 3
        seed: 4
        environments:
          - kind: bernoulli
            means: [0.2, 0.8]
        learners:
          - ucb1
          - kind: epsilon-greedy
            name: eg
            epsilon: 0.2
        """;

    private static SpecException Bad(string yaml)
        => Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "spec.yaml", Path.GetTempPath(), "spec"));

    [Fact]
    public void A_good_spec_fills_in_defaults()
    {
        var e = SpecLoader.Parse(Good, "spec.yaml", Path.GetTempPath(), "spec");
        Assert.Equal(1000, e.Horizon);
        Assert.Equal(3, e.Runs);
        Assert.Equal(4UL, e.Seed);
        Assert.Equal(["ucb1", "eg"], e.Learners.Select(l => l.Name));
        Assert.Equal(2.0, e.Learners[0].Parameters.Single(p => p.Key == "alpha").Value);
        Assert.Equal(0.2, e.Learners[1].Parameters.Single(p => p.Key == "epsilon").Value);
        Assert.Equal("bernoulli", e.Environments[0].Name);
        Assert.Contains("pseudo", e.Meters);
        Assert.Contains("switches", e.Meters);
    }

    [Fact]
    public void Overrides_replace_the_spec_values()
    {
        var e = SpecLoader.Parse(Good, "spec.yaml", Path.GetTempPath(), "spec", new SpecOverrides(Horizon: 50, Runs: 2, Seed: 9));
        Assert.Equal((50L, 2, 9UL), (e.Horizon, e.Runs, e.Seed));
    }

    [Fact]
    public void Unknown_learner_names_the_position_and_suggests_the_nearest()
    {
        var ex = Bad(Good.Replace("  - ucb1", "  - ucb2", StringComparison.Ordinal));
        Assert.Equal("learners[0].kind", ex.Field);
        Assert.Equal(9, ex.Line);
        Assert.Equal(5, ex.Column);
        Assert.Contains("unknown learner 'ucb2'; did you mean 'ucb1'?", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("spec.yaml:9:5: learners[0].kind:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_environment_and_parameter_suggest_the_nearest()
    {
        Assert.Contains("did you mean 'bernoulli'?", Bad(Good.Replace("kind: bernoulli", "kind: bernouli", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        var ex = Bad(Good.Replace("epsilon: 0.2", "epsilom: 0.2", StringComparison.Ordinal));
        Assert.Equal("learners[1].epsilom", ex.Field);
        Assert.Contains("did you mean 'epsilon'?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_cost_and_horizon_sweep_are_read_and_checked()
    {
        var e = SpecLoader.Parse(Good.Replace("runs: 3", "runs: 3\nswitchingCost: 0.5\nhorizons: [100, 300]", StringComparison.Ordinal), "spec.yaml", Path.GetTempPath(), "spec");
        Assert.Equal(0.5, e.SwitchingCost);
        Assert.Equal([100L, 300L], e.Horizons!);
        Assert.Equal("switchingCost", Bad(Good.Replace("runs: 3", "runs: 3\nswitchingCost: -1", StringComparison.Ordinal)).Field);
        var ex = Bad(Good.Replace("runs: 3", "runs: 3\nhorizons: [100, 0]", StringComparison.Ordinal));
        Assert.Equal("horizons[1]", ex.Field);
    }

    [Fact]
    public void Learners_are_checked_against_every_environment_s_arms()
    {
        var ex = Bad(Good.Replace("  - ucb1\n", "  - {kind: apple-tasting, silent: 2}\n", StringComparison.Ordinal));
        Assert.Equal("learners[0]", ex.Field);
        Assert.Contains("the silent arm 2 does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("environment 'bernoulli' has 2 arms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_horizon_is_rejected()
    {
        var ex = Bad(Good.Replace("horizon: 1000", "horizon: -5", StringComparison.Ordinal));
        Assert.Equal("horizon", ex.Field);
        Assert.Equal(2, ex.Line);
        Assert.Contains("-5 is out of range: must be in [1, 1000000000000]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bernoulli_mean_outside_the_unit_interval_names_the_element()
    {
        var ex = Bad(Good.Replace("[0.2, 0.8]", "[0.2, 1.5]", StringComparison.Ordinal));
        Assert.Equal("environments[0].means[1]", ex.Field);
        Assert.Equal(7, ex.Line);
        Assert.Contains("1.5 is out of range: must be in [0, 1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arm_count_mismatch_is_rejected()
    {
        var ex = Bad("""
            horizon: 10
            environments:
              - kind: gaussian
                means: [0.1, 0.2, 0.3]
                sigma: [1, 2]
            learners: [ucb1]
            """);
        Assert.Equal("environments[0].sigma", ex.Field);
        Assert.Equal(5, ex.Line);
        Assert.Contains("arm count mismatch: 2 standard deviations for 3 arms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var ex = Bad("horizon: 10\nenvironments: [bernoulli\nlearners: [ucb1]\n");
        Assert.Contains("malformed YAML", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Line >= 2, $"line {ex.Line}");
    }

    [Fact]
    public void Unknown_top_level_key_suggests_the_nearest()
    {
        var ex = Bad(Good.Replace("runs: 3", "rnus: 3", StringComparison.Ordinal));
        Assert.Contains("unknown key 'rnus'; did you mean 'runs'?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_pieces_are_named()
    {
        Assert.Equal("horizon", Bad("environments: [bernoulli]\nlearners: [ucb1]\n").Field);
        Assert.Contains("missing", Bad("horizon: 5\nlearners: [ucb1]\n").Message, StringComparison.Ordinal);
        var ex = Bad("horizon: 5\nenvironments:\n  - kind: bernoulli\nlearners: [ucb1]\n");
        Assert.Equal("environments[0].means", ex.Field);
        Assert.Contains("learners[0]", Bad("horizon: 5\nenvironments: [{kind: bernoulli, means: [0.5]}]\nlearners:\n  - name: x\n").Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_and_choices_are_rejected()
    {
        Assert.Contains("expected a whole number, found 'many'", Bad(Good.Replace("runs: 3", "runs: many", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        var ex = Bad("horizon: 5\nenvironments: [{kind: bernoulli, means: [0.5]}]\nlearners:\n  - {kind: tsallis-inf, estimator: rw}\n");
        Assert.Contains("unknown value 'rw'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(one of: rv, iw)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        var ex = Bad("horizon: 5\nenvironments: [{kind: bernoulli, means: [0.5]}]\nlearners: [ucb1, ucb1]\n");
        Assert.Equal("learners[1]", ex.Field);
        Assert.Contains("learner name 'ucb1' is used twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_shorter_than_the_horizon_is_rejected()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "t.csv"), "1,0\n0,1\n");
        var ex = Assert.Throws<SpecException>(() => SpecLoader.Parse(
            "horizon: 5\nenvironments:\n  - {kind: table, path: t.csv}\nlearners: [ucb1]\n", "s.yaml", dir, "s"));
        Assert.Contains("has 2 rounds, fewer than the horizon 5", ex.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<SpecException>(() => SpecLoader.Parse(
            "horizon: 1\nenvironments:\n  - {kind: table, path: nope.csv}\nlearners: [ucb1]\n", "s.yaml", dir, "s"));
        Assert.Contains("file not found: 'nope.csv'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggestions_use_edit_distance_and_stay_quiet_when_nothing_is_close()
    {
        Assert.Equal("kl-ucb", Suggestions.Nearest("klucb", Registry.Learners.Select(l => l.Name)));
        Assert.Null(Suggestions.Nearest("completely-different", ["ucb1", "exp3"]));
        Assert.Equal(1, Suggestions.Distance("exp3", "epx3"));
    }
}
