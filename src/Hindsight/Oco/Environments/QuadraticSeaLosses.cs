using System.Numerics.Tensors;
using Hindsight.Numerics;

namespace Hindsight.Oco.Environments;

/// <summary>
/// Strongly convex, smooth losses in the SEA model (Sachs et al., NeurIPS 2022; Chen et al., ICML 2023):
/// fₜ(x) = ½‖x − zₜ‖² with zₜ = c·(μ + ρ sₜ u) + ξₜ — the adversary moves the target's mean between two points
/// (sₜ = ±1 per block of P rounds; μ, u unit vectors per run; c = <c>scale</c>) and nature adds ξₜ ~ N(0, σ²/d·I).
/// ∇fₜ(x) = x − zₜ, so σ²₁:T = Tσ² and Σ²₁:T = 4c²ρ² × (sign changes), as for the linear stream.
/// </summary>
/// <remarks>Every comparator is exact: Σ_{t∈I} ½‖x − zₜ‖² = ½|I|·‖x − z̄_I‖² + const is minimized over a convex domain
/// at Π_K(z̄_I), and fₜ alone at Π_K(zₜ).</remarks>
public sealed class QuadraticSeaLosses : IOcoStream
{
    private readonly double _sigma, _rho, _scale;
    private readonly long _period;

    /// <summary>Creates the stream.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="sigma">σ ≥ 0.</param>
    /// <param name="rho">ρ ≥ 0.</param>
    /// <param name="period">P ≥ 1.</param>
    /// <param name="scale">c &gt; 0, the size of the target's mean.</param>
    public QuadraticSeaLosses(int dimension, double sigma, double rho, long period, double scale = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(rho);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Dimension = dimension;
        (_sigma, _rho, _period, _scale) = (sigma, rho, period, scale);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public long MaxHorizon => long.MaxValue;

    /// <inheritdoc />
    public double GradientBound(IConvexDomain domain) => domain.MaxNorm + (_scale * (1 + _rho)) + (3 * _sigma); // ‖x − z‖ ≤ ‖x‖ + ‖z‖

    /// <inheritdoc />
    public IOcoRun Start(ulong seed, long run) => new Run(this, seed, run);

    private sealed class Run : IOcoRun
    {
        private readonly double[] _mu, _u, _z, _p;
        private readonly ulong _noise, _signs;
        private readonly QuadraticSeaLosses _s;
        private long _cached = -1;

        public Run(QuadraticSeaLosses s, ulong seed, long run)
        {
            _s = s;
            ulong shape = CounterRng.Key(seed, run, CounterRng.Hash("sea-quadratic/shape"));
            _noise = CounterRng.Key(seed, run, CounterRng.Hash("sea-quadratic/noise"));
            _signs = CounterRng.Key(seed, run, CounterRng.Hash("sea-quadratic/signs"));
            _mu = Unit(shape, 0, s.Dimension);
            _u = Unit(shape, 1, s.Dimension);
            _z = new double[s.Dimension];
            _p = new double[s.Dimension];
        }

        public double Loss(long round, ReadOnlySpan<double> x)
        {
            ReadOnlySpan<double> z = Target(round);
            double sum = 0;
            for (int i = 0; i < z.Length; i++)
            {
                double e = x[i] - z[i];
                sum += e * e;
            }

            return sum / 2;
        }

        public void Gradient(long round, ReadOnlySpan<double> x, Span<double> gradient) => TensorPrimitives.Subtract(x, Target(round), gradient);

        public double RoundMinimum(long round, IConvexDomain domain)
        {
            Target(round).CopyTo(_p);
            domain.Project(_p);
            return Loss(round, _p);
        }

        public ILossWindow NewWindow() => new Window(this);

        internal ReadOnlySpan<double> Target(long round)
        {
            if (round != _cached)
            {
                double sign = CounterRng.Uniform(_signs, (round - 1) / _s._period, 0) < 0.5 ? 1 : -1;
                double noise = _s._sigma / Math.Sqrt(_s.Dimension);
                for (int i = 0; i < _z.Length; i++)
                {
                    _z[i] = (_s._scale * (_mu[i] + (_s._rho * sign * _u[i]))) + (noise * CounterRng.Normal(_noise, round, i));
                }

                _cached = round;
            }

            return _z;
        }

        private static double[] Unit(ulong key, long index, int dimension)
        {
            double[] v = new double[dimension];
            for (int i = 0; i < dimension; i++)
            {
                v[i] = CounterRng.Normal(key, index, i);
            }

            TensorPrimitives.Divide(v, TensorPrimitives.Norm<double>(v), v);
            return v;
        }

        private sealed class Window(Run run) : ILossWindow
        {
            private readonly double[] _sum = new double[run._z.Length];
            private readonly double[] _x = new double[run._z.Length];
            private double _squares;
            private long _count;

            public bool IsExact => true;

            public void Add(long round)
            {
                ReadOnlySpan<double> z = run.Target(round);
                TensorPrimitives.Add(_sum, z, _sum);
                _squares += TensorPrimitives.SumOfSquares(z);
                _count++;
            }

            public void Clear()
            {
                Array.Clear(_sum);
                _squares = 0;
                _count = 0;
            }

            public double Minimum(IConvexDomain domain)
            {
                if (_count == 0)
                {
                    return 0;
                }

                // Σ ½‖x − zₜ‖² = ½n‖x‖² − ⟨Σz, x⟩ + ½Σ‖zₜ‖², minimized at Π_K(Σz / n).
                TensorPrimitives.Divide(_sum, _count, _x);
                domain.Project(_x);
                return (0.5 * _count * TensorPrimitives.SumOfSquares<double>(_x)) - TensorPrimitives.Dot<double>(_sum, _x) + (0.5 * _squares);
            }
        }
    }
}
