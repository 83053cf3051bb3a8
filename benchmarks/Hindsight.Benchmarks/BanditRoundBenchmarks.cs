using BenchmarkDotNet.Attributes;
using Hindsight.Bandits;
using Hindsight.Regret;
using Hindsight.Simulation;
using Hindsight.Specs;

namespace Hindsight.Benchmarks;

/// <summary>
/// One round of a K-armed learner against K = 10 Bernoulli arms with the pseudo-regret meter, the workload of
/// issue #2's speed bars. Each invocation plays <see cref="Rounds"/> rounds; BenchmarkDotNet reports time and
/// allocations per round (OperationsPerInvoke), which must be 0 B.
/// </summary>
[MemoryDiagnoser]
public class BanditRoundBenchmarks
{
    private const int Rounds = 100_000;
    private readonly long[] _checkpoints = [Rounds];
    private readonly double[] _record = new double[1];
    private readonly BanditMeter[] _meters = [new PseudoRegretMeter()];
    private IBanditPolicy _policy = null!;
    private IBanditOracle _oracle = null!;

    [Params("ucb1", "kl-ucb", "thompson", "exp3", "tsallis-inf", "moss", "exp3-ix", "sw-ucb")]
    public string Learner { get; set; } = "ucb1";

    [GlobalSetup]
    public void Setup()
    {
        var env = Throughput.Bernoulli10();
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
