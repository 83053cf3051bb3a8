using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Hindsight.Oco.Domains;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;
using MathNet.Numerics.Optimization;

namespace Hindsight.Oco.Environments;

/// <summary>
/// Online regression or classification on a data set's rows, in file order: round t predicts pₜ = ⟨w, xₜ⟩ (features
/// plus a constant 1) and suffers ℓ(pₜ, yₜ) — square or absolute loss against a target in [0, 1], logistic or hinge loss
/// against a label ±1. Any OCO learner playing w is an online regression learner with that loss.
/// </summary>
/// <remarks>
/// Comparators: one round's minimum is exact (the range of ⟨w, xₜ⟩ over the domain, from its linear minimizer). The
/// best fixed w over a window of rows is found by MathNet's L-BFGS-B (box domains only): exact up to the solver's
/// tolerance for the smooth losses (square, logistic); for absolute and hinge loss the solver minimizes the Huber and
/// smoothed-hinge surrogates with μ = 10⁻⁴ (each within μ/2 of the loss), and the true loss at that point is returned —
/// at most n·μ/2 above the true minimum over n rows, so regret is understated by at most that much.
/// <see cref="ILossWindow.IsExact"/> is false for every loss (the windows need a solver). The data are fixed, so
/// windows are solved once and shared by every run and learner.
/// </remarks>
public sealed class RegressionLosses : IOcoStream
{
    private const double Smoothing = 1e-4;

    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly ConcurrentDictionary<(long From, long To, double Low, double High), double> _solved = new();

    /// <summary>Creates the stream.</summary>
    /// <param name="features">One feature vector per row (a constant 1 is appended).</param>
    /// <param name="targets">Targets in [0, 1]; for logistic and hinge loss each must be 0 or 1 (mapped to −1, +1).</param>
    /// <param name="loss">The loss.</param>
    public RegressionLosses(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, PredictionLoss loss)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Count == 0 || features.Count != targets.Count)
        {
            throw new ArgumentException("Features and targets need the same, positive number of rows.", nameof(targets));
        }

        bool labels = loss is PredictionLoss.Logistic or PredictionLoss.Hinge;
        if (labels && targets.Any(y => y is not (0.0 or 1.0)))
        {
            throw new ArgumentException($"{loss} loss needs a binary target (0 or 1): give the positive class.", nameof(targets));
        }

        Loss = loss;
        _x = [.. features.Select(f => (double[])[.. f, 1.0])];
        _y = [.. targets.Select(y => labels ? (2 * y) - 1 : y)];
        Dimension = _x[0].Length;
    }

    /// <summary>The loss.</summary>
    public PredictionLoss Loss { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public long MaxHorizon => _x.Length;

    /// <inheritdoc />
    public double GradientBound(IConvexDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        double maxNorm = _x.Max(x => TensorPrimitives.Norm<double>(x));
        double residual = Loss == PredictionLoss.Square ? 1 + (domain.MaxNorm * maxNorm) : 1; // |⟨w, x⟩ − y| ≤ ‖w‖‖x‖ + 1
        return residual * maxNorm;
    }

    /// <inheritdoc />
    public IOcoRun Start(ulong seed, long run) => new Run(this);

    private static (double Value, double Derivative) Evaluate(PredictionLoss loss, double p, double y, double mu)
    {
        switch (loss)
        {
            case PredictionLoss.Square:
                return (0.5 * (p - y) * (p - y), p - y);
            case PredictionLoss.Absolute:
                {
                    double r = p - y;
                    if (mu > 0 && Math.Abs(r) <= mu)
                    {
                        return (r * r / (2 * mu), r / mu);
                    }

                    return (Math.Abs(r) - (mu / 2), Math.Sign(r));
                }

            case PredictionLoss.Logistic:
                {
                    double m = y * p;
                    double value = m > 0 ? Math.Log(1 + Math.Exp(-m)) : -m + Math.Log(1 + Math.Exp(m));
                    return (value, -y / (1 + Math.Exp(m)));
                }

            default:
                {
                    double m = y * p;
                    if (mu > 0 && m > 1 - mu && m < 1)
                    {
                        double s = 1 - m;
                        return (s * s / (2 * mu), -y * s / mu);
                    }

                    return m >= 1 ? (0, 0) : (1 - m - (mu > 0 ? mu / 2 : 0), -y);
                }
        }
    }

    private double SolveWindow(long from, long to, Box box)
    {
        return _solved.GetOrAdd((from, to, box.Low, box.High), _ =>
        {
            int d = Dimension;
            bool smooth = Loss is PredictionLoss.Square or PredictionLoss.Logistic;
            double mu = smooth ? 0 : Smoothing;
            (double, Vector) Objective(Vector w)
            {
                double[] wa = w.AsArray() ?? w.ToArray();
                double total = 0;
                double[] grad = new double[d];
                for (long t = from; t <= to; t++)
                {
                    double[] x = _x[t - 1];
                    (double v, double dv) = Evaluate(Loss, TensorPrimitives.Dot<double>(wa, x), _y[t - 1], mu);
                    total += v;
                    TensorPrimitives.MultiplyAdd(x, dv, grad, grad);
                }

                return (total, Vector.Build.Dense(grad));
            }

            var lower = Vector.Build.Dense(d, box.Low);
            var upper = Vector.Build.Dense(d, box.High);
            var start = Vector.Build.Dense(d, Math.Clamp(0, box.Low, box.High));
            var solver = new BfgsBMinimizer(1e-9, 1e-12, 1e-14, 20_000);
            Vector best;
            try
            {
                best = solver.FindMinimum(ObjectiveFunction.Gradient(Objective), lower, upper, start).MinimizingPoint;
            }
            catch (Exception ex) when (ex is MaximumIterationsException or OptimizationException)
            {
                throw new InvalidOperationException($"The comparator's solver did not converge on rows {from}..{to}: {ex.Message}", ex);
            }

            double[] wb = best.ToArray();
            double value = 0;
            for (long t = from; t <= to; t++)
            {
                value += Evaluate(Loss, TensorPrimitives.Dot<double>(wb, _x[t - 1]), _y[t - 1], 0).Value;
            }

            return value;
        });
    }

    private sealed class Run(RegressionLosses s) : IOcoRun
    {
        private readonly double[] _low = new double[s.Dimension];

        public double Loss(long round, ReadOnlySpan<double> x)
            => Evaluate(s.Loss, TensorPrimitives.Dot(x, s._x[round - 1]), s._y[round - 1], 0).Value;

        public void Gradient(long round, ReadOnlySpan<double> x, Span<double> gradient)
        {
            double[] row = s._x[round - 1];
            double dv = Evaluate(s.Loss, TensorPrimitives.Dot(x, row), s._y[round - 1], 0).Derivative;
            TensorPrimitives.Multiply(row, dv, gradient);
        }

        public double RoundMinimum(long round, IConvexDomain domain)
        {
            double[] row = s._x[round - 1];
            domain.MinimizeLinear(row, _low);
            double lo = TensorPrimitives.Dot<double>(row, _low);
            TensorPrimitives.Negate(row, _low);
            domain.MinimizeLinear(_low, _low);
            double hi = TensorPrimitives.Dot<double>(row, _low);
            double y = s._y[round - 1];
            return s.Loss switch
            {
                PredictionLoss.Square or PredictionLoss.Absolute => Evaluate(s.Loss, Math.Clamp(y, lo, hi), y, 0).Value,
                _ => Evaluate(s.Loss, y > 0 ? hi : lo, y, 0).Value, // the largest margin y·p over the domain
            };
        }

        public ILossWindow NewWindow() => new Window(s);
    }

    private sealed class Window(RegressionLosses s) : ILossWindow
    {
        private long _from, _to = -1;

        public bool IsExact => false; // a numerical solver's answer (L-BFGS-B), whatever the loss

        public void Add(long round)
        {
            if (_to < _from)
            {
                (_from, _to) = (round, round);
            }
            else if (round == _to + 1)
            {
                _to = round;
            }
            else
            {
                throw new InvalidOperationException("A regression window holds consecutive rows only.");
            }
        }

        public void Clear() => (_from, _to) = (0, -1);

        public double Minimum(IConvexDomain domain)
        {
            if (_to < _from)
            {
                return 0;
            }

            return domain is Box box ? s.SolveWindow(_from, _to, box)
                : throw new NotSupportedException("Regression streams compute their comparator on box domains only.");
        }
    }
}
