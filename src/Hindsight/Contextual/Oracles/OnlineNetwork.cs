using MathNet.Numerics.Distributions;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Oracles;

/// <summary>
/// A one-hidden-layer network trained online by gradient descent, with randomly perturbed predictions: the oracle of
/// Deb, Ban, Zuo, He and Banerjee, "Contextual Bandits with Online Neural Regression" (ICLR 2024).
/// </summary>
/// <remarks>
/// <para>Network (NTK scaling, as in that line of work): for arm a and context x (with a constant 1 appended, x̃),
/// f(θ; a, x) = (1/√m) Σⱼ vⱼ tanh(wₐⱼ·x̃), width m, first-layer weights per arm (the usual "disjoint" encoding of
/// (context, arm) as the context placed in the arm's block of a K·(d+1) input), shared output weights v.
/// Initialization: wₐⱼᵢ ~ N(0, 1/(d+1)), vⱼ ~ N(0, 1); θ₀ is kept.</para>
/// <para>Perturbation: each round (<see cref="Perturb"/>) draws ε ~ N(0, σ²/p · I) over all p parameters, and every
/// prediction of the round is f̃ = f(θ) + ⟨ε, θ − θ₀⟩. In expectation over ε the square loss of f̃ gains the term
/// σ²‖θ − θ₀‖²/p: the perturbation makes the loss quadratically growing around a unique minimizer, which is the
/// mechanism the paper's O(log T) online-regression regret rests on. <b>This exact form is our reading of the paper's
/// "small random perturbation to the network predictions"</b> (its full text was not available to us); σ = 0 turns it
/// off.</para>
/// <para>Losses (<see cref="RegressionLoss"/>): square, with prediction ŷ = f̃; KL (log), with ŷ = σ(f̃). Both have
/// gradient (ŷ − y)·∇θ f̃ up to a factor 2 for square loss, absorbed into the step η. One step per update
/// (online gradient descent on the round's loss, as in the paper's oracle).</para>
/// </remarks>
public sealed class OnlineNetwork
{
    private readonly int _arms;
    private readonly int _inputs; // d + 1
    private readonly int _width;
    private readonly double _scale; // 1/√m
    private readonly double[] _w; // [arm][unit][input]
    private readonly double[] _v;
    private readonly double[] _w0;
    private readonly double[] _v0;
    private readonly double[] _epsW;
    private readonly double[] _epsV;
    private readonly double[] _hidden;
    private readonly SeededRandom _rng = new(0);
    private double _shift;

    /// <summary>Creates the network (call <see cref="Reset"/> before use).</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="dimension">Context dimension d ≥ 1.</param>
    /// <param name="width">Hidden width m ≥ 1.</param>
    /// <param name="loss">The training loss.</param>
    /// <param name="learningRate">Step size η &gt; 0.</param>
    /// <param name="perturbation">Perturbation scale σ ≥ 0.</param>
    public OnlineNetwork(int arms, int dimension, int width, RegressionLoss loss, double learningRate, double perturbation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(perturbation);
        _arms = arms;
        _inputs = dimension + 1;
        _width = width;
        _scale = 1 / Math.Sqrt(width);
        Loss = loss;
        LearningRate = learningRate;
        Perturbation = perturbation;
        int p = arms * width * _inputs;
        _w = new double[p];
        _w0 = new double[p];
        _epsW = new double[p];
        _v = new double[width];
        _v0 = new double[width];
        _epsV = new double[width];
        _hidden = new double[width];
    }

    /// <summary>The training loss.</summary>
    public RegressionLoss Loss { get; }

    /// <summary>The step size η.</summary>
    public double LearningRate { get; }

    /// <summary>The perturbation scale σ.</summary>
    public double Perturbation { get; }

    /// <summary>The number of parameters p.</summary>
    public int Parameters => _w.Length + _v.Length;

    /// <summary>Draws fresh initial weights (θ₀) from a seed and clears the perturbation.</summary>
    /// <param name="seed">The seed.</param>
    public void Reset(ulong seed)
    {
        _rng.Reseed(seed);
        Normal.Samples(_rng, _w, 0, 1 / Math.Sqrt(_inputs));
        Normal.Samples(_rng, _v, 0, 1);
        _w.CopyTo(_w0, 0);
        _v.CopyTo(_v0, 0);
        Array.Clear(_epsW);
        Array.Clear(_epsV);
        _shift = 0;
    }

    /// <summary>Draws the round's perturbation ε (with σ = 0, nothing).</summary>
    public void Perturb()
    {
        if (Perturbation == 0)
        {
            return;
        }

        double sd = Perturbation / Math.Sqrt(Parameters);
        Normal.Samples(_rng, _epsW, 0, sd);
        Normal.Samples(_rng, _epsV, 0, sd);
        double shift = 0;
        for (int i = 0; i < _w.Length; i++)
        {
            shift += _epsW[i] * (_w[i] - _w0[i]);
        }

        for (int j = 0; j < _v.Length; j++)
        {
            shift += _epsV[j] * (_v[j] - _v0[j]);
        }

        _shift = shift;
    }

    /// <summary>The prediction ŷ for an arm and context: f̃ (square loss) or σ(f̃) (log loss).</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="context">The context (d values).</param>
    /// <returns>The prediction.</returns>
    public double Predict(int arm, ReadOnlySpan<double> context)
    {
        double output = Forward(arm, context) + _shift;
        return Loss == RegressionLoss.Log ? 1 / (1 + Math.Exp(-output)) : output;
    }

    /// <summary>One gradient step on the loss of the prediction for (arm, context) against a target.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="context">The context.</param>
    /// <param name="target">The target y (in [0, 1] for log loss; clamped there).</param>
    public void Learn(int arm, ReadOnlySpan<double> context, double target)
    {
        double output = Forward(arm, context) + _shift;
        double prediction = output;
        if (Loss == RegressionLoss.Log)
        {
            prediction = 1 / (1 + Math.Exp(-output));
            target = Math.Clamp(target, 0, 1);
        }

        double g = LearningRate * (prediction - target);
        if (g == 0 || !double.IsFinite(g))
        {
            return;
        }

        int d = _inputs - 1;
        int block = arm * _width * _inputs;
        for (int j = 0; j < _width; j++)
        {
            double h = _hidden[j];
            double back = g * _v[j] * (1 - (h * h)) * _scale;
            _v[j] -= g * h * _scale;
            Span<double> w = _w.AsSpan(block + (j * _inputs), _inputs);
            for (int i = 0; i < d; i++)
            {
                w[i] -= back * context[i];
            }

            w[d] -= back;
        }

        if (Perturbation != 0)
        {
            // ∇θ⟨ε, θ − θ₀⟩ = ε: every parameter moves by −g ε.
            for (int i = 0; i < _w.Length; i++)
            {
                _w[i] -= g * _epsW[i];
            }

            for (int j = 0; j < _v.Length; j++)
            {
                _v[j] -= g * _epsV[j];
            }
        }
    }

    /// <summary>f(θ; a, x), leaving the hidden activations in the buffer.</summary>
    private double Forward(int arm, ReadOnlySpan<double> context)
    {
        if (context.Length != _inputs - 1)
        {
            throw new ArgumentException($"The network takes {_inputs - 1} context values, not {context.Length}.", nameof(context));
        }

        if ((uint)arm >= (uint)_arms)
        {
            throw new ArgumentOutOfRangeException(nameof(arm));
        }

        int d = _inputs - 1;
        int block = arm * _width * _inputs;
        double sum = 0;
        for (int j = 0; j < _width; j++)
        {
            ReadOnlySpan<double> w = _w.AsSpan(block + (j * _inputs), _inputs);
            double z = w[d];
            for (int i = 0; i < d; i++)
            {
                z += w[i] * context[i];
            }

            double h = Math.Tanh(z);
            _hidden[j] = h;
            sum += _v[j] * h;
        }

        return sum * _scale;
    }
}
