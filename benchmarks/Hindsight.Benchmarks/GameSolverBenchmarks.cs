using BenchmarkDotNet.Attributes;
using Hindsight.Experts.Policies;
using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Benchmarks;

/// <summary>Solving games: a random 10 × 10 zero-sum game by LP (OR-Tools GLOP, one model and its duals), every
/// equilibrium of a random 6 × 6 general-sum game by support enumeration, and Hedge self-play on the 10 × 10 game
/// (per round: 10 000 rounds per invocation, one checkpoint).</summary>
[MemoryDiagnoser]
public class GameSolverBenchmarks
{
    private readonly NormalFormGame _zeroSum = RandomGames.ZeroSum(10, 10, 7);
    private readonly NormalFormGame _generalSum = RandomGames.GeneralSum(6, 6, 7);

    [Benchmark]
    public double ZeroSumLp10x10() => ZeroSumSolver.Solve(_zeroSum).Payoffs[0];

    [Benchmark]
    public int SupportEnumeration6x6() => SupportEnumeration.Solve(_generalSum).Count;

    [Benchmark(OperationsPerInvoke = 10_000)]
    public double HedgeSelfPlay10x10() => SelfPlay.Run(_zeroSum, [new Hedge(10, 0.1), new Hedge(10, 0.1)], [10_000]).Checkpoints[0].AverageNashGap;
}
