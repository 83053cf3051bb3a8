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

