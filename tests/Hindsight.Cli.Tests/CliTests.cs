using System.Text.Json;
using System.Text.RegularExpressions;
using Hindsight.Specs;

namespace Hindsight.Cli.Tests;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    private static string Spec(string yaml)
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "spec.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string Small = """
        name: small
        horizon: 3000
        runs: 4
        seed: 2
        environments:
          - kind: bernoulli
            name: bern
            means: [0.3, 0.5, 0.7]
        learners: [ucb1, thompson, exp3, tsallis-inf]
        """;

    [Fact]
    public void Run_writes_the_three_files_and_a_summary()
    {
        string spec = Spec(Small);
        string outDir = Path.Combine(Path.GetDirectoryName(spec)!, "out");
        var (code, stdout, stderr) = Run("run", spec, "--out", outDir, "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "results.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "curves.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.Contains("pseudo regret", stdout, StringComparison.Ordinal);
        Assert.Contains("tsallis-inf", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_spec_and_seed_give_identical_results_with_one_and_two_threads()
    {
        string spec = Spec(Small);
        string dir = Path.GetDirectoryName(spec)!;
        Assert.Equal(0, Run("run", spec, "--out", Path.Combine(dir, "t1"), "--threads", "1").Code);
        Assert.Equal(0, Run("run", spec, "--out", Path.Combine(dir, "t2"), "--threads", "2").Code);
        string a = WithoutWallTime(File.ReadAllText(Path.Combine(dir, "t1", "results.json")));
        string b = WithoutWallTime(File.ReadAllText(Path.Combine(dir, "t2", "results.json")));
        Assert.Equal(a, b);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "t1", "curves.csv")), File.ReadAllText(Path.Combine(dir, "t2", "curves.csv")));
    }

    private static string WithoutWallTime(string json)
        => Regex.Replace(json, "\"(seconds|roundsPerSecond)\": [^,\\n]+", "\"$1\": 0");

    [Theory]
    [InlineData("  - ucb1", "  - ucb2", "learners[0].kind: unknown learner 'ucb2'; did you mean 'ucb1'?")]
    [InlineData("horizon: 3000", "horizon: -1", "horizon: -1 is out of range")]
    [InlineData("[0.3, 0.5, 0.7]", "[0.3, 1.5, 0.7]", "environments[0].means[1]: 1.5 is out of range: must be in [0, 1]")]
    [InlineData("learners: [ucb1", "learners: [ucb1,, ", "malformed YAML")]
    public void A_bad_spec_exits_2_names_the_problem_and_writes_nothing(string find, string replace, string message)
    {
        string yaml = Small.Replace("learners: [ucb1, thompson, exp3, tsallis-inf]", "learners:\n  - ucb1\n  - thompson", StringComparison.Ordinal);
        if (find.StartsWith("learners: [", StringComparison.Ordinal))
        {
            yaml = Small.Replace(find, replace, StringComparison.Ordinal);
        }
        else
        {
            yaml = yaml.Replace(find, replace, StringComparison.Ordinal);
        }

        string spec = Spec(yaml);
        string outDir = Path.Combine(Path.GetDirectoryName(spec)!, "out");
        var (code, _, stderr) = Run("run", spec, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("spec.yaml:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Arm_count_mismatch_exits_2()
    {
        string spec = Spec("horizon: 10\nenvironments:\n  - {kind: beta, alpha: [1, 2], beta: [1]}\nlearners: [ucb1]\n");
        var (code, _, stderr) = Run("run", spec, "--out", Path.Combine(Path.GetDirectoryName(spec)!, "o"));
        Assert.Equal(2, code);
        Assert.Contains("environments[0].beta: arm count mismatch", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_spec_file_and_bad_options_exit_2()
    {
        Assert.Equal(2, Run("run", "/nonexistent/spec.yaml").Code);
        string spec = Spec(Small);
        var (code, _, stderr) = Run("run", spec, "--runs", "0");
        Assert.Equal(2, code);
        Assert.Contains("--runs must be at least 1", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("run", spec, "--threads", "many").Code);
        Assert.Equal(2, Run("frobnicate").Code);
    }

    [Fact]
    public void List_json_describes_every_learner_and_environment_with_parameters()
    {
        var (code, stdout, _) = Run("list", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var learners = doc.RootElement.GetProperty("learners").EnumerateArray().ToList();
        Assert.Equal(Registry.Learners.Select(l => l.Name), learners.Select(l => l.GetProperty("name").GetString()));
        JsonElement ucb1 = learners.Single(l => l.GetProperty("name").GetString() == "ucb1");
        JsonElement alpha = ucb1.GetProperty("parameters")[0];
        Assert.Equal("alpha", alpha.GetProperty("name").GetString());
        Assert.Equal(2.0, alpha.GetProperty("default").GetDouble());
        Assert.False(string.IsNullOrWhiteSpace(ucb1.GetProperty("description").GetString()));
        Assert.Equal(Registry.Environments.Count, doc.RootElement.GetProperty("environments").GetArrayLength());
        Assert.Contains("pseudo", doc.RootElement.GetProperty("meters").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(SpecLoader.OcoLearners.Select(l => l.Name), doc.RootElement.GetProperty("ocoLearners").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Contains("regression", doc.RootElement.GetProperty("ocoStreams").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public void List_text_shows_defaults()
    {
        var (code, stdout, _) = Run("list");
        Assert.Equal(0, code);
        Assert.Contains("kl-ucb", stdout, StringComparison.Ordinal);
        Assert.Contains("default 0.1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_json_has_the_contract_shape()
    {
        var (code, stdout, stderr) = Run("bench", "--json", "--rounds", "20000", "--learner", "ucb1", "exp3");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        JsonElement first = doc.RootElement[0];
        Assert.Equal("bernoulli-10", first.GetProperty("workload").GetString());
        Assert.Equal("ucb1", first.GetProperty("learner").GetString());
        Assert.Equal(20000, first.GetProperty("rounds").GetInt64());
        Assert.True(first.GetProperty("roundsPerSecond").GetDouble() > 0);
        Assert.True(first.GetProperty("seconds").GetDouble() > 0);
        // Any allocation per round costs at least 24 bytes per round; less than 1 byte per round on average means the
        // loop allocates nothing (a one-off allocation — the JIT promoting code while other tests load the machine —
        // can land in the measured window).
        Assert.InRange(first.GetProperty("allocatedBytesPerRound").GetDouble(), 0.0, 1.0);
    }

    [Fact]
    public void Bench_rejects_an_unknown_learner_with_a_suggestion()
    {
        var (code, _, stderr) = Run("bench", "--learner", "exp4");
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'exp3'?", stderr, StringComparison.Ordinal);
    }
}

public class CbCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Log = "shared |s a b\n0:1:0.5 |x c\n |x d\n\nshared |s a\n |x c\n1:0:0.5 |x d\n\n";

    [Fact]
    public void Cb_json_has_the_contract_keys()
    {
        var (code, stdout, stderr) = Run("cb", "--data", Write("log.txt", Log), "--learner", "squarecb", "-q", "sx", "--json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("examples").GetInt64());
        Assert.True(root.GetProperty("averageLoss").GetDouble() >= 0);
        Assert.True(root.GetProperty("examplesPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("peakMemoryBytes").GetInt64() > 0);
        Assert.Equal("squarecb", root.GetProperty("learner").GetString());
        Assert.Equal(18, root.GetProperty("parameters").GetProperty("bits").GetInt32());
    }

    [Fact]
    public void Cb_malformed_record_exits_2_naming_file_line_and_field_and_skip_counts_it()
    {
        string path = Write("log.txt", "0:1:0.5 |x c\n |x d\n\n0:1:2 |x c\n |x d\n\n");
        var (code, _, stderr) = Run("cb", "--data", path);
        Assert.Equal(2, code);
        Assert.Contains("log.txt:4: 0:1:2: probability 2 is outside (0, 1]", stderr, StringComparison.Ordinal);
        var (skipCode, skipOut, _) = Run("cb", "--data", path, "--on-error", "skip");
        Assert.Equal(0, skipCode);
        Assert.Contains("skipped 1 malformed record", skipOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Cb_bad_arguments_exit_2()
    {
        string path = Write("log.txt", Log);
        Assert.Contains("did you mean 'squarecb'?", Run("cb", "--data", path, "--learner", "squarcb").Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("cb", "--data", path, "--bits", "40").Code);
        Assert.Equal(2, Run("cb", "--data", path, "--cb-type", "xyz").Code);
        Assert.Equal(2, Run("cb", "--data", "/nonexistent.txt").Code);
        Assert.Equal(2, Run("cb").Code);
    }

    [Fact]
    public void Cb_logistic_loss_needs_mtr_and_binary_costs()
    {
        string path = Write("log.txt", "0:1:0.5 |x c\n |x d\n\n |x c\n0:0:0.5 |x d\n\n");
        Assert.Equal(0, Run("cb", "--data", path, "--learner", "cb-adf", "--loss", "logistic").Code);
        var (code, _, stderr) = Run("cb", "--data", path, "--loss", "logistic", "--cb-type", "ips");
        Assert.Equal(2, code);
        Assert.Contains("--loss logistic", stderr, StringComparison.Ordinal);
        string costs = Write("costs.txt", "0:1:0.5 |x c\n |x d\n\n |x c\n0:0.5:0.5 |x d\n\n");
        (code, _, stderr) = Run("cb", "--data", costs, "--loss", "logistic");
        Assert.Equal(2, code);
        Assert.Contains("line 4: cost 0.5 is not 0 or 1", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("cb", "--data", path, "--loss", "hinge").Code);
    }
}

public class OpeCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Log()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.txt");
        File.WriteAllText(path, "0:1:0.5 |x a\n |x b\n\n |x a\n1:0:0.5 |x b\n\n0:0:0.5 |x a\n |x b\n\n");
        return path;
    }

    [Fact]
    public void Ope_json_has_the_contract_keys()
    {
        var (code, stdout, stderr) = Run("ope", "--data", Log(), "--policy", "uniform", "first", "--json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        var first = doc.RootElement[0];
        Assert.Equal("uniform", first.GetProperty("policy").GetString());
        Assert.Equal(3, first.GetProperty("examples").GetInt64());
        var snips = first.GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("estimator").GetString() == "snips");
        Assert.Equal(2, snips.GetProperty("ci95").GetArrayLength());
        // Uniform on a uniform log: IPS equals the log's own mean reward −1/3.
        var ips = first.GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("estimator").GetString() == "ips");
        Assert.Equal(-1.0 / 3, ips.GetProperty("value").GetDouble(), 6);
    }

    /// <summary>A uniformly logged DSJson stream where young users like sport and old users news (cost 0, else 1).</summary>
    private static string DsJsonLog(int events)
    {
        var random = new Random(5);
        var lines = new System.Text.StringBuilder();
        for (int t = 0; t < events; t++)
        {
            bool young = random.Next(2) == 0;
            int action = random.Next(2); // 0 news, 1 sport, each with probability 0.5
            int cost = (action == 1) == young ? 0 : 1;
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"_label_cost\":{cost},\"_label_probability\":0.5,\"_labelIndex\":{action},\"_label_Action\":{action + 1},\"EventId\":\"e{t}\",\"a\":[{action + 1},{2 - action}],");
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"c\":{{\"User\":{{\"kind\":\"{(young ? "young" : "old")}\"}},\"_multi\":[{{\"Item\":{{\"topic\":\"news\"}}}},{{\"Item\":{{\"topic\":\"sport\"}}}}]}},\"p\":[0.5,0.5]}}\n");
        }

        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.dsjson");
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    [Fact]
    public void Candidates_are_trained_on_the_log_and_scored_as_hindsight_cb_scores_them()
    {
        string log = DsJsonLog(2000);
        var (code, stdout, stderr) = Run("ope", "--data", log, "--policy", "live", "first", "uniform", "--candidate", "{\"name\": \"crossed\", \"interactions\": [\"UI\"]}", "--candidate", "epsilon-greedy", "--json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(["live", "first", "uniform", "crossed", "epsilon-greedy"], doc.RootElement.EnumerateArray().Select(r => r.GetProperty("policy").GetString()));
        double Ips(int i) => doc.RootElement[i].GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("estimator").GetString() == "ips").GetProperty("value").GetDouble();

        // live: the logging distribution itself, whose IPS is the log's own mean reward.
        Assert.Equal(doc.RootElement[0].GetProperty("logged").GetProperty("value").GetDouble(), Ips(0), 12);
        Assert.Equal("candidate", doc.RootElement[3].GetProperty("kind").GetString());
        Assert.Equal("UI", doc.RootElement[3].GetProperty("settings").GetProperty("interactions")[0].GetString());

        // A candidate's IPS is its progressive validation: exactly −(hindsight cb's average loss) with the same learner.
        var (cbCode, cbOut, cbErr) = Run("cb", "--data", log, "-q", "UI", "--json");
        Assert.True(cbCode == 0, cbErr);
        double loss = System.Text.Json.JsonDocument.Parse(cbOut).RootElement.GetProperty("averageLoss").GetDouble();
        Assert.Equal(-loss, Ips(3), 9);

        // Crossing user and item learns who likes what (best policy: reward 0, uniform −0.5); without it, no better than one action.
        Assert.True(Ips(3) > -0.1, $"crossed candidate {Ips(3)}");
        Assert.True(Ips(4) < -0.4, $"uncrossed candidate {Ips(4)}");
    }

    [Fact]
    public void Ope_bad_arguments_exit_2()
    {
        string log = Log();
        var (code, _, stderr) = Run("ope", "--data", log, "--candidate", "{\"learner\": \"magic\"}");
        Assert.Equal(2, code);
        Assert.Contains("--candidate '{\"learner\": \"magic\"}': learner must be", stderr, StringComparison.Ordinal);
        Assert.Contains("neither a learner name", Run("ope", "--data", log, "--candidate", "greedy").Err, StringComparison.Ordinal);
        (code, _, stderr) = Run("ope", "--data", log, "--policy", "live"); // VW text has no logging distribution
        Assert.Equal(2, code);
        Assert.Contains("policy live needs the logging distribution", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'snips'?", Run("ope", "--data", log, "--estimators", "snip").Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("ope", "--data", log, "--policy", "greedy").Code);
        Assert.Equal(2, Run("ope", "--data", "/nonexistent.csv").Code);
    }
}

public class CbConformanceCliTests
{
    [Fact]
    public void Epsilon_greedy_predictions_match_vw_reference_output()
    {
        // VW test 126: --cb_explore_adf --epsilon 0.1 -d train-sets/cb_test.ldf --noconstant -p cbe_adf_epsilon.predict
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Hindsight.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        string fixtures = Path.Combine(root, "tests", "Hindsight.Tests", "Data", "vowpal-wabbit-cb-tests");
        string output = Path.Combine(Directory.CreateTempSubdirectory().FullName, "p.txt");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(["cb", "--data", Path.Combine(fixtures, "train-sets", "cb_test.ldf"), "--epsilon", "0.1", "--noconstant", "-p", output], stdout, stderr, interactive: false);
        Assert.True(code == 0, stderr.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(fixtures, "pred-sets", "ref", "cbe_adf_epsilon.predict")), File.ReadAllText(output));
    }
}

public class ObdCbCliTests
{
    [Fact]
    public void Cb_reads_an_open_bandit_campaign_with_its_item_context()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "item_context.csv"), ",item_id,item_feature_0,item_feature_1\n0,0,0.5,abc\n1,1,-0.5,def\n");
        File.WriteAllText(Path.Combine(dir, "toy.csv"),
            ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,user_feature_2,user_feature_3,user-item_affinity_0,user-item_affinity_1\n" +
            "0,t,0,1,1,0.5,a,b,c,d,0.0,1.0\n1,t,1,2,0,0.5,a,b,c,e,0.0,0.0\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(["cb", "--data", Path.Combine(dir, "toy.csv"), "--learner", "cb-adf", "--json"], stdout, stderr, interactive: false);
        Assert.True(code == 0, stderr.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        Assert.Equal(2, doc.RootElement.GetProperty("examples").GetInt64());
        Assert.Equal("obd", doc.RootElement.GetProperty("parameters").GetProperty("format").GetString());
        File.Delete(Path.Combine(dir, "item_context.csv"));
        int missing = CommandLine.Run(["cb", "--data", Path.Combine(dir, "toy.csv")], new StringWriter(), stderr, interactive: false);
        Assert.Equal(2, missing);
    }
}

public class CbInputErrorTests
{
    [Fact]
    public void A_file_read_in_the_wrong_format_exits_2_instead_of_reporting_zero_examples()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.txt");
        File.WriteAllText(path, "0:1:0.5 |x a\n |x b\n\n");
        var stderr = new StringWriter();
        int code = CommandLine.Run(["cb", "--data", path, "--format", "dsjson"], new StringWriter(), stderr, interactive: false);
        Assert.Equal(2, code);
        Assert.Contains("no labeled examples", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_save_path_exits_2()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.txt");
        File.WriteAllText(path, "0:1:0.5 |x a\n |x b\n\n");
        int code = CommandLine.Run(["cb", "--data", path, "--save", "/nonexistent-dir/model.bin"], new StringWriter(), new StringWriter(), interactive: false);
        Assert.Equal(2, code);
    }
}
