using BenchmarkDotNet.Attributes;
using Hindsight.Oco;
using Hindsight.Oco.Domains;
using Hindsight.Oco.Learners;

namespace Hindsight.Benchmarks;

/// <summary>One OCO round in d = 100 on the unit ball (play, then learn the gradient), per round; gradients precomputed.</summary>
[MemoryDiagnoser]
public class OcoBenchmarks
{
    private const int Dimension = 100;
    private const int Rounds = 10_000;
    private readonly double[][] _gradients = new double[64][];
    private readonly double[] _x = new double[Dimension];
    private IOcoLearner _learner = null!;

    [Params("ogd", "optimistic-omd")]
    public string Learner { get; set; } = "ogd";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (int r = 0; r < _gradients.Length; r++)
        {
            _gradients[r] = [.. Enumerable.Range(0, Dimension).Select(_ => rng.NextDouble() - 0.5)];
        }

        var ball = new Ball(Dimension);
        _learner = Learner == "ogd" ? new OnlineGradientDescent(ball, 3) : new OptimisticOnlineMirrorDescent(ball);
    }

    [Benchmark(OperationsPerInvoke = Rounds)]
    public double PlayRounds()
    {
        _learner.Reset(1);
        for (int t = 0; t < Rounds; t++)
        {
            _learner.Predict(_x);
            _learner.Update(_gradients[t & 63]);
        }

        return _x[0];
    }
}
