using BenchmarkDotNet.Attributes;
using Hindsight.Relax;

namespace Hindsight.Benchmarks;

/// <summary>SOR on the 64 × 64 shifted Poisson matrix of examples/relax.yaml (4 096 unknowns, c = 0.2): one fused
/// sweep-and-residual pass (per iteration), and a whole solve to 1e-8 at ω = 1.55 from x₀ = 0 (the memory column must
/// read 0 B: nothing is allocated per iteration or per solve).</summary>
[MemoryDiagnoser]
public class SorBenchmarks
{
    private readonly SorSolver _solver = new(PdeMatrices.Poisson(64, 0.2));
    private readonly double[] _b = [.. Enumerable.Range(0, 64 * 64).Select(i => Math.Sin(i * 0.01))];
    private readonly double[] _x = new double[64 * 64];

    [Benchmark]
    public double Sweep64x64() => _solver.Sweep(_b, _x, 1.55);

    [Benchmark]
    public int Solve64x64()
    {
        Array.Clear(_x);
        return _solver.Solve(_b, _x, 1.55, 1e-8, 10_000).Iterations;
    }
}
