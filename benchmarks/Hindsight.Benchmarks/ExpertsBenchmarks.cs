using BenchmarkDotNet.Attributes;
using Hindsight.Experts;
using Hindsight.Experts.Policies;

namespace Hindsight.Benchmarks;

/// <summary>
/// One full-information round of an experts learner with K = 1000 (its distribution, then every expert's reward),
/// per round; expert-updates/s = K / time per round. Rewards are precomputed (64 rows, cycled), so only the learner is timed.
/// </summary>
[MemoryDiagnoser]
public class ExpertsBenchmarks
{
    private const int Experts = 1000;
    private const int Rounds = 1000;
    private readonly double[][] _rewards = new double[64][];
    private readonly double[] _p = new double[Experts];
    private IExpertsPolicy _policy = null!;

    [Params("hedge", "adahedge", "optimistic-hedge")]
    public string Learner { get; set; } = "hedge";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (int r = 0; r < _rewards.Length; r++)
        {
            _rewards[r] = [.. Enumerable.Range(0, Experts).Select(_ => rng.NextDouble())];
        }

        _policy = Learner switch
        {
            "adahedge" => new AdaHedge(Experts),
            "optimistic-hedge" => new OptimisticHedge(Experts),
            _ => new Hedge(Experts),
        };
        (_policy as Hindsight.Bandits.IHorizonAware)?.Prepare(Rounds);
    }

    [Benchmark(OperationsPerInvoke = Rounds)]
    public double PlayRounds()
    {
        _policy.Reset(1);
        for (int t = 0; t < Rounds; t++)
        {
            _policy.Distribution(_p);
            _policy.Observe(_rewards[t & 63]);
        }

        return _p[0];
    }
}
