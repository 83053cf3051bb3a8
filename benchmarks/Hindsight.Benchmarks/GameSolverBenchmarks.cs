using BenchmarkDotNet.Attributes;
using Hindsight.Experts.Policies;
using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Benchmarks;

/// <summary>Solving games: random 10 × 10 zero-sum games by LP (OR-Tools GLOP, one model and its duals; 16 games in turn;
/// the solver is reset between games), every
/// equilibrium of a random 6 × 6 general-sum game by support enumeration, and Hedge self-play on the 10 × 10 game
/// (per round: 10 000 rounds per invocation, one checkpoint; two Hedge players take the fused loop).</summary>
[MemoryDiagnoser]
public class GameSolverBenchmarks
{
    private readonly NormalFormGame _zeroSum = RandomGames.ZeroSum(10, 10, 7);
    private readonly NormalFormGame[] _zeroSums = [.. Enumerable.Range(1, 16).Select(s => RandomGames.ZeroSum(10, 10, (ulong)s))];
    private int _next;
    private readonly NormalFormGame _generalSum = RandomGames.GeneralSum(6, 6, 7);

    [Benchmark]
    public double ZeroSumLp10x10() => ZeroSumSolver.Solve(_zeroSums[_next++ & 15]).Payoffs[0]; // a different game each call

    [Benchmark]
    public int SupportEnumeration6x6() => SupportEnumeration.Solve(_generalSum).Count;

    [Benchmark(OperationsPerInvoke = 10_000)]
    public double HedgeSelfPlay10x10() => SelfPlay.Run(_zeroSum, [new Hedge(10, 0.1), new Hedge(10, 0.1)], [10_000]).Checkpoints[0].AverageNashGap;
}
