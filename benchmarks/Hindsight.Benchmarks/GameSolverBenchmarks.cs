using BenchmarkDotNet.Attributes;
using Hindsight.Games;
using Hindsight.Games.Solvers;

namespace Hindsight.Benchmarks;

/// <summary>Solving games: a random 10 × 10 zero-sum game by LP (OR-Tools GLOP, both players, polished), and every
/// equilibrium of a random 6 × 6 general-sum game by support enumeration.</summary>
[MemoryDiagnoser]
public class GameSolverBenchmarks
{
    private readonly NormalFormGame _zeroSum = RandomGames.ZeroSum(10, 10, 7);
    private readonly NormalFormGame _generalSum = RandomGames.GeneralSum(6, 6, 7);

    [Benchmark]
    public double ZeroSumLp10x10() => ZeroSumSolver.Solve(_zeroSum).Payoffs[0];

    [Benchmark]
    public int SupportEnumeration6x6() => SupportEnumeration.Solve(_generalSum).Count;
}
