using BenchmarkDotNet.Attributes;
using Hindsight.Bandits;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Formats;
using Hindsight.Regret;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Benchmarks;

/// <summary>One round of a contextual learner on the linear workload (K = 5, d = 10) with the pseudo-regret meter.</summary>
[MemoryDiagnoser]
public class ContextualRoundBenchmarks
{
    private const int Rounds = 20_000;
    private readonly long[] _checkpoints = [Rounds];
    private readonly double[] _record = new double[1];
    private readonly BanditMeter[] _meters = [new PseudoRegretMeter()];
    private IBanditPolicy _policy = null!;
    private IBanditOracle _oracle = null!;

    [Params("linucb", "linear-thompson", "linear-epsilon-greedy")]
    public string Learner { get; set; } = "linucb";

    [GlobalSetup]
    public void Setup()
    {
        var env = Throughput.Linear10x5();
        _policy = Registry.CreateLearner(Learner, env.Arms);
        _oracle = env.Start(1, 0);
    }

    [Benchmark(OperationsPerInvoke = Rounds)]
    public double PlayRounds()
    {
        _policy.Reset(1);
        Runner.Play(_policy, _oracle, _meters, Rounds, _checkpoints, _record, CancellationToken.None);
        return _record[0];
    }
}

/// <summary>
/// Progressive validation of VW-style learners over the first 20 000 examples of ../shared/data/cb-synth (parsing
/// included), per example. The setup fails with a message when the shared folder cannot be found.
/// </summary>
[MemoryDiagnoser]
public class CbSynthBenchmarks
{
    private string _text = string.Empty;

    [Params("epsilon-greedy", "squarecb", "cb-adf")]
    public string Learner { get; set; } = "cb-adf";

    [GlobalSetup]
    public void Setup()
    {
        string? dir = AppContext.BaseDirectory;
        string relative = Path.Combine("shared", "data", "cb-synth", "cb_synth_adf.txt.gz");
        while (dir is not null && !File.Exists(Path.Combine(dir, relative)))
        {
            dir = Path.GetDirectoryName(dir);
        }

        string source = dir is not null ? Path.Combine(dir, relative)
            : throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}");
        _text = Path.Combine(Path.GetTempPath(), "hindsight-cb-synth-20k.txt");
        if (!File.Exists(_text))
        {
            using TextReader reader = DataFile.OpenText(source);
            using var writer = new StreamWriter(_text);
            int blanks = 0;
            string? line;
            while (blanks < 20_000 && (line = reader.ReadLine()) is not null)
            {
                writer.WriteLine(line);
                if (line.Length == 0)
                {
                    blanks++;
                }
            }
        }
    }

    [Benchmark(OperationsPerInvoke = 20_000)]
    public double Pass()
    {
        var space = new FeatureSpace(18, ["sa"]);
        IContextualLearner learner = Learner switch
        {
            "squarecb" => ExploringCbLearner.SquareCb(new CostRegressor(space, importanceWeighted: false)),
            "epsilon-greedy" => ExploringCbLearner.EpsilonGreedy(new CostRegressor(space)),
            _ => ExploringCbLearner.Greedy(new CostRegressor(space)),
        };
        return ProgressiveValidation.Run(new VwTextReader(_text).Read(), learner).AverageLoss;
    }
}
