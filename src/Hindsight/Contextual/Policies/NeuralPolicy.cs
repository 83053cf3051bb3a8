using Hindsight.Contextual.Oracles;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// The shared part of the neural contextual bandits (NeuSquareCB, NeuFastCB, neural ε-greedy): an
/// <see cref="OnlineNetwork"/> regression oracle that predicts each arm's cost 1 − reward (clipped to [0, 1]) under a
/// perturbation drawn fresh each round, an exploration rule that turns the predicted costs into a distribution, and a draw
/// from it. Rewards are taken to lie in [0, 1]. The network is sized on the first context.
/// </summary>
public abstract class NeuralPolicy : IContextualPolicy
{
    private static readonly double[] NoContext = [1.0];
    private readonly int _width;
    private readonly RegressionLoss _loss;
    private readonly double _learningRate;
    private readonly double _perturbation;
    private readonly float[] _costs;
    private readonly float[] _pmf;
    private readonly SeededRandom _rng = new(0);
    private OnlineNetwork? _network;
    private ulong _seed;
    private long _round;

    /// <summary>Creates the state.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="width">Hidden width m ≥ 1.</param>
    /// <param name="loss">The oracle's loss.</param>
    /// <param name="learningRate">The oracle's step size η &gt; 0.</param>
    /// <param name="perturbation">The oracle's perturbation scale σ ≥ 0.</param>
    private protected NeuralPolicy(int arms, int width, RegressionLoss loss, double learningRate, double perturbation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(perturbation);
        Arms = arms;
        _width = width;
        _loss = loss;
        _learningRate = learningRate;
        _perturbation = perturbation;
        _costs = new float[arms];
        _pmf = new float[arms];
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>The distribution of the last choice (for tests and diagnostics).</summary>
    public ReadOnlySpan<float> LastDistribution => _pmf;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _seed = seed;
        _rng.Reseed(seed ^ 0x5DEECE66DUL);
        _network = null;
        _round = 0;
    }

    /// <inheritdoc />
    public int Choose() => Choose(NoContext);

    /// <inheritdoc />
    public void Update(int arm, double reward) => Update(NoContext, arm, reward);

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> context)
    {
        OnlineNetwork network = Network(context.Length);
        _round++;
        network.Perturb();
        for (int a = 0; a < Arms; a++)
        {
            double cost = network.Predict(a, context);
            _costs[a] = (float)(double.IsNaN(cost) ? 0.5 : Math.Clamp(cost, 0, 1));
        }

        Distribution(_costs, _round, _pmf);
        double u = _rng.NextDouble();
        double cumulative = 0;
        for (int a = 0; a < Arms - 1; a++)
        {
            cumulative += _pmf[a];
            if (u < cumulative)
            {
                return a;
            }
        }

        return Arms - 1;
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<double> context, int arm, double reward)
        => Network(context.Length).Learn(arm, context, 1 - reward);

    /// <summary>Turns predicted costs into the round's distribution over arms.</summary>
    /// <param name="costs">Predicted costs ĉ ∈ [0, 1].</param>
    /// <param name="round">The round t ≥ 1.</param>
    /// <param name="pmf">Receives the probabilities.</param>
    private protected abstract void Distribution(ReadOnlySpan<float> costs, long round, Span<float> pmf);

    private OnlineNetwork Network(int dimension)
    {
        if (_network is null)
        {
            _network = new OnlineNetwork(Arms, dimension, _width, _loss, _learningRate, _perturbation);
            _network.Reset(_seed);
        }

        return _network;
    }
}
