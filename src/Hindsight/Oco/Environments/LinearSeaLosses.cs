using System.Numerics.Tensors;

namespace Hindsight.Oco.Environments;

/// <summary>
/// Linear losses fₜ(x) = ⟨gₜ, x⟩ of the SEA model as an <see cref="IOcoStream"/> (see <see cref="LinearSeaStream"/>):
/// mean μ + ρ sₜ u with sₜ = ±1 per block of P rounds, plus N(0, σ²/d·I) noise. Every comparator is exact: the best
/// fixed point minimizes ⟨Σ gₜ, x⟩ over the domain.
/// </summary>
/// <param name="dimension">d ≥ 1.</param>
/// <param name="sigma">σ ≥ 0.</param>
/// <param name="rho">ρ ≥ 0.</param>
/// <param name="period">P ≥ 1.</param>
public sealed class LinearSeaLosses(int dimension, double sigma, double rho, long period) : IOcoStream
{
    /// <inheritdoc />
    public int Dimension { get; } = dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension));

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public double GradientBound(IConvexDomain domain) => 1 + rho + (3 * sigma);

    /// <inheritdoc />
    public IOcoRun Start(ulong seed, long run) => new Run(new LinearSeaStream(Dimension, sigma, rho, period, seed, run));

    private sealed class Run(LinearSeaStream stream) : IOcoRun
    {
        private readonly double[] _g = new double[stream.Dimension];
        private readonly double[] _best = new double[stream.Dimension];
        private long _cached = -1;

        public double Loss(long round, ReadOnlySpan<double> x) => TensorPrimitives.Dot(Vector(round), x);

        public void Gradient(long round, ReadOnlySpan<double> x, Span<double> gradient) => Vector(round).CopyTo(gradient);

        public double RoundMinimum(long round, IConvexDomain domain)
        {
            ReadOnlySpan<double> g = Vector(round);
            domain.MinimizeLinear(g, _best);
            return TensorPrimitives.Dot(g, _best);
        }

        public ILossWindow NewWindow() => new Window(this, stream.Dimension);

        private ReadOnlySpan<double> Vector(long round)
        {
            if (round != _cached)
            {
                stream.Loss(round, _g);
                _cached = round;
            }

            return _g;
        }

        private sealed class Window(Run run, int dimension) : ILossWindow
        {
            private readonly double[] _sum = new double[dimension];
            private readonly double[] _x = new double[dimension];

            public bool IsExact => true;

            public void Add(long round) => TensorPrimitives.Add(_sum, run.Vector(round), _sum);

            public void Clear() => Array.Clear(_sum);

            public double Minimum(IConvexDomain domain)
            {
                domain.MinimizeLinear(_sum, _x);
                return TensorPrimitives.Dot<double>(_sum, _x);
            }
        }
    }
}
