using BenchmarkDotNet.Attributes;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Evaluation;
using Hindsight.Formats;

namespace Hindsight.Benchmarks;

/// <summary>
/// Progressive validation of VW-style learners over the first 20 000 examples of ../shared/data/cb-synth (parsing
/// included), per example, from VW text and from DSJson.
/// </summary>
[MemoryDiagnoser]
public class CbSynthBenchmarks
{
    private string _path = string.Empty;

    [Params("epsilon-greedy", "squarecb", "cb-adf")]
    public string Learner { get; set; } = "cb-adf";

    [Params("vw", "dsjson")]
    public string Format { get; set; } = "vw";

    [GlobalSetup]
    public void Setup() => _path = Format == "vw" ? CbSynthFiles.Text : CbSynthFiles.DsJson;

    [Benchmark(OperationsPerInvoke = CbSynthFiles.Examples)]
    public double Pass()
    {
        var space = new FeatureSpace(18, ["sa"]);
        IContextualLearner learner = Learner switch
        {
            "squarecb" => ExploringCbLearner.SquareCb(new CostRegressor(space, importanceWeighted: false)),
            "epsilon-greedy" => ExploringCbLearner.EpsilonGreedy(new CostRegressor(space)),
            _ => ExploringCbLearner.Greedy(new CostRegressor(space)),
        };
        var examples = Format == "vw" ? new VwTextReader(_path) { ReuseExamples = true }.Read() : new DsJsonReader(_path) { ReuseExamples = true }.Read();
        return ProgressiveValidation.Run(examples, learner).AverageLoss;
    }
}
