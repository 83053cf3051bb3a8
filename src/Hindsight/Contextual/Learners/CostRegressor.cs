using Hindsight.Contextual.Features;
using Hindsight.Contextual.Oracles;

namespace Hindsight.Contextual.Learners;

/// <summary>
/// Predicts every action's cost with one linear regressor over (shared + action + interactions) features, and
/// learns it from a logged cost by the chosen <see cref="CbType"/> — VW's <c>cb_adf</c> reduction to
/// <c>csoaa_ldf</c>. The features of the last example are kept, so Predict then Learn on the same example builds them once.
/// </summary>
public sealed class CostRegressor
{
    private readonly FeatureSpace _space;
    private readonly IOnlineRegressor _oracle;
    private readonly CbType _type;
    private readonly bool _importanceWeighted;
    private int[] _indices = new int[4096];
    private float[] _values = new float[4096];
    private int[] _offsets = new int[65];
    private CbExample? _built;
    private float[] _costs = new float[64];
    private long _events;
    private long _actionSum;

    /// <summary>Creates the regressor.</summary>
    /// <param name="space">How features are built.</param>
    /// <param name="type">How a logged cost is learned.</param>
    /// <param name="learningRate">The SGD learning rate η.</param>
    /// <param name="importanceWeighted">For MTR: weight the logged cost by 1/p (true, VW's cb_adf) or not (false: the plain
    /// regression on observed costs that SquareCB's analysis assumes; VW's --squarecb sets p = 1 before learning).</param>
    public CostRegressor(FeatureSpace space, CbType type = CbType.Mtr, float learningRate = 0.5f, bool importanceWeighted = true)
        : this(space, type, new AdaptiveSgd(space?.Bits ?? throw new ArgumentNullException(nameof(space)), learningRate), importanceWeighted, 0, 0)
    {
    }

    /// <summary>Creates the regressor over any online regression oracle (e.g. <see cref="OnlineLeastSquares"/>).</summary>
    /// <param name="space">How features are built (its bits must equal the oracle's).</param>
    /// <param name="oracle">The regression oracle.</param>
    /// <param name="type">How a logged cost is learned.</param>
    /// <param name="importanceWeighted">For MTR: weight the logged cost by 1/p.</param>
    public CostRegressor(FeatureSpace space, IOnlineRegressor oracle, CbType type = CbType.Mtr, bool importanceWeighted = true)
        : this(space ?? throw new ArgumentNullException(nameof(space)), type, oracle ?? throw new ArgumentNullException(nameof(oracle)), importanceWeighted, 0, 0)
    {
        if (oracle.Bits != space.Bits)
        {
            throw new ArgumentException($"The feature space has {space.Bits} bits but the oracle {oracle.Bits}.", nameof(oracle));
        }

        if (oracle is AdaptiveSgd { Loss: RegressionLoss.Log } && type != CbType.Mtr)
        {
            throw new ArgumentException("Log loss learns binary costs (0 or 1): use the MTR cb type (IPS and DR regress on reweighted costs).", nameof(oracle));
        }
    }

    private CostRegressor(FeatureSpace space, CbType type, IOnlineRegressor oracle, bool importanceWeighted, long events, long actionSum)
    {
        _space = space;
        _type = type;
        _oracle = oracle;
        _importanceWeighted = importanceWeighted;
        _events = events;
        _actionSum = actionSum;
    }

    /// <summary>How features are built.</summary>
    public FeatureSpace Space => _space;

    /// <summary>How a logged cost is learned.</summary>
    public CbType Type => _type;

    /// <summary>Whether MTR weights the logged cost by 1/p.</summary>
    public bool ImportanceWeighted => _importanceWeighted;

    /// <summary>Writes the regressor's complete state (bit for bit).</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_space.Bits);
        writer.Write(_space.Constant);
        writer.Write(_space.Interactions.Count);
        foreach (string pair in _space.Interactions)
        {
            writer.Write(pair);
        }

        writer.Write((int)_type);
        writer.Write(_importanceWeighted);
        writer.Write(_events);
        writer.Write(_actionSum);
        writer.Write(_oracle switch
        {
            AdaptiveSgd { Loss: RegressionLoss.Square } => 0,
            OnlineLeastSquares => 1,
            AdaptiveSgd { Loss: RegressionLoss.Log } => 2,
            _ => throw new NotSupportedException($"No model format for the oracle {_oracle.GetType().Name}."),
        });
        _oracle.WriteTo(writer);
    }

    /// <summary>Reads a regressor written by <see cref="WriteTo"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The regressor, exactly as it was saved.</returns>
    /// <exception cref="InvalidDataException">The data is not a valid state.</exception>
    public static CostRegressor ReadFrom(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int bits = reader.ReadInt32();
        bool constant = reader.ReadBoolean();
        int pairs = reader.ReadInt32();
        if (pairs is < 0 or > 1000)
        {
            throw new InvalidDataException($"invalid interaction count {pairs}");
        }

        string[] interactions = [.. Enumerable.Range(0, pairs).Select(_ => reader.ReadString())];
        int type = reader.ReadInt32();
        if (!Enum.IsDefined((CbType)type))
        {
            throw new InvalidDataException($"unknown cb type {type}");
        }

        bool weighted = reader.ReadBoolean();
        long events = reader.ReadInt64(), actionSum = reader.ReadInt64();
        int kind = reader.ReadInt32();
        IOnlineRegressor oracle = kind switch
        {
            0 => AdaptiveSgd.ReadFrom(reader),
            1 => OnlineLeastSquares.ReadFrom(reader),
            2 => AdaptiveSgd.ReadFrom(reader, RegressionLoss.Log),
            _ => throw new InvalidDataException($"unknown oracle kind {kind}"),
        };
        if (oracle.Bits != bits)
        {
            throw new InvalidDataException($"feature space has {bits} bits but the weights {oracle.Bits}");
        }

        return new CostRegressor(new FeatureSpace(bits, interactions, constant), (CbType)type, oracle, weighted, events, actionSum);
    }

    /// <summary>Predicts the cost of every action: the raw linear scores (VW ranks actions by csoaa_ldf's unclipped
    /// partial predictions; clipping to the label range applies only inside the gradient step).</summary>
    /// <param name="example">The example.</param>
    /// <param name="costs">Receives one predicted cost per action.</param>
    public void Predict(CbExample example, Span<float> costs)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (_oracle is AdaptiveSgd sgd)
        {
            // Fast path: score while generating features (nothing stored).
            _space.ScoreAll(example, sgd.Weights, costs);
            if (sgd.Loss == RegressionLoss.Log)
            {
                for (int a = 0; a < example.Actions.Count; a++)
                {
                    costs[a] = sgd.Link(costs[a]); // the cost's probability (monotone: the greedy choice is unchanged)
                }
            }

            return;
        }

        Build(example);
        for (int a = 0; a < example.Actions.Count; a++)
        {
            costs[a] = _oracle.Score(Indices(a), Values(a));
        }
    }

    /// <summary>Learns the example's logged cost.</summary>
    /// <param name="example">The example (ignored when unlabeled).</param>
    public void Learn(CbExample example) => Learn(example, 1f);

    /// <summary>Learns the example's logged cost with its importance multiplied by a factor (online bagging's
    /// Poisson counts); a factor of 0 skips the example but still counts it.</summary>
    /// <param name="example">The example (ignored when unlabeled).</param>
    /// <param name="multiplier">The factor ≥ 0.</param>
    public void Learn(CbExample example, float multiplier)
    {
        if (example.Label is not { } label)
        {
            return;
        }

        if (_oracle is AdaptiveSgd { Loss: RegressionLoss.Log } && label.Cost is not (0f or 1f))
        {
            throw new ArgumentException($"line {example.Line}: cost {label.Cost} is not 0 or 1 (log loss learns binary costs)", nameof(example));
        }

        int k = example.Actions.Count;
        if (_type != CbType.Mtr)
        {
            Build(example);
        }

        _events++;
        _actionSum += k;
        switch (_type)
        {
            case CbType.Mtr:
                float weight = multiplier * (_importanceWeighted ? 1f / label.Probability : 1f) * (_events / (float)_actionSum);
                if (weight > 0)
                {
                    int n = BuildOne(example, label.Action);
                    _oracle.Learn(_indices.AsSpan(0, n), _values.AsSpan(0, n), label.Cost, weight);
                }

                break;
            case CbType.Ips:
                for (int a = 0; a < k; a++)
                {
                    _oracle.Learn(Indices(a), Values(a), a == label.Action ? label.Cost / label.Probability : 0f, multiplier);
                }

                break;
            case CbType.Dr:
                Span<float> predicted = _costs.AsSpan(0, k);
                for (int a = 0; a < k; a++)
                {
                    predicted[a] = _oracle is AdaptiveSgd clipped ? clipped.Predict(Indices(a), Values(a)) : _oracle.Score(Indices(a), Values(a));
                }

                for (int a = 0; a < k; a++)
                {
                    float target = a == label.Action ? predicted[a] + ((label.Cost - predicted[a]) / label.Probability) : predicted[a];
                    _oracle.Learn(Indices(a), Values(a), target, multiplier);
                }

                break;
        }
    }

    private int BuildOne(CbExample example, int action)
    {
        int max = _space.MaxCount(example, action);
        if (_indices.Length < max)
        {
            Grow(max);
        }

        _built = null; // the buffers no longer hold a whole example
        return _space.Build(example, action, _indices, _values);
    }

    private void Grow(int needed)
    {
        int size = (int)Math.Min(2L * needed, Array.MaxLength);
        _indices = new int[size];
        _values = new float[size];
    }

    private ReadOnlySpan<int> Indices(int action) => _indices.AsSpan(_offsets[action], _offsets[action + 1] - _offsets[action]);

    private ReadOnlySpan<float> Values(int action) => _values.AsSpan(_offsets[action], _offsets[action + 1] - _offsets[action]);

    private void Build(CbExample example)
    {
        if (ReferenceEquals(example, _built))
        {
            return;
        }

        int k = example.Actions.Count;
        if (_offsets.Length < k + 1)
        {
            Array.Resize(ref _offsets, (k + 1) * 2);
        }

        if (_costs.Length < k)
        {
            Array.Resize(ref _costs, k * 2);
        }

        long total = 0;
        for (int a = 0; a < k; a++)
        {
            total += _space.MaxCount(example, a);
        }

        if (total > Array.MaxLength)
        {
            throw new ArgumentException($"line {example.Line}: the example's {k} actions have {total} features with interactions, more than an array holds", nameof(example));
        }

        if (_indices.Length < total)
        {
            Grow((int)total);
        }

        int n = 0;
        for (int a = 0; a < k; a++)
        {
            _offsets[a] = n;
            n += _space.Build(example, a, _indices.AsSpan(n), _values.AsSpan(n));
        }

        _offsets[k] = n;
        _built = example;
    }
}
