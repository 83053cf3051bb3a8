namespace Hindsight.Contextual.Learners;

/// <summary>
/// A contextual-bandit learner made of a cost regressor and an exploration rule over its predictions
/// (VW's <c>--cb_explore_adf</c>): <see cref="Greedy"/> (<c>--cb_adf</c>), <see cref="EpsilonGreedy"/>,
/// <see cref="SquareCb"/> and <see cref="Softmax"/> build it.
/// </summary>
public sealed class ExploringCbLearner : IContextualLearner
{
    private float[] _costs = new float[64];

    /// <summary>Creates the learner.</summary>
    /// <param name="regressor">The cost regressor.</param>
    /// <param name="exploration">The exploration rule.</param>
    /// <param name="parameter">ε for ε-greedy, the γ scale for SquareCB (unused for greedy).</param>
    /// <param name="exponent">The γ exponent for SquareCB.</param>
    public ExploringCbLearner(CostRegressor regressor, ExplorationRule exploration, float parameter = 0f, float exponent = 0f)
    {
        ArgumentNullException.ThrowIfNull(regressor);
        Regressor = regressor;
        Rule = exploration;
        Parameter = parameter;
        Exponent = exponent;
    }

    /// <summary>The cost regressor.</summary>
    public CostRegressor Regressor { get; }

    /// <summary>The exploration rule.</summary>
    public ExplorationRule Rule { get; }

    /// <summary>ε (ε-greedy) or the γ scale (SquareCB).</summary>
    public float Parameter { get; }

    /// <summary>The γ exponent (SquareCB).</summary>
    public float Exponent { get; }

    /// <summary>Examples learned so far (SquareCB's t − 1).</summary>
    public long Round { get; internal set; }

    /// <summary>The greedy policy on predicted costs (VW's <c>--cb_adf</c>): no exploration.</summary>
    /// <param name="regressor">The cost regressor.</param>
    /// <returns>The learner.</returns>
    public static ExploringCbLearner Greedy(CostRegressor regressor)
        => new(regressor, ExplorationRule.Greedy);

    /// <summary>ε-greedy over predicted costs (VW's <c>--cb_explore_adf --epsilon ε</c>, default ε = 0.05).</summary>
    /// <param name="regressor">The cost regressor.</param>
    /// <param name="epsilon">ε ∈ [0, 1].</param>
    /// <returns>The learner.</returns>
    public static ExploringCbLearner EpsilonGreedy(CostRegressor regressor, float epsilon = 0.05f)
    {
        if (!(epsilon >= 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must lie in [0, 1].");
        }

        return new(regressor, ExplorationRule.EpsilonGreedy, epsilon);
    }

    /// <summary>
    /// SquareCB (Foster and Rakhlin, ICML 2020): inverse gap weighting with γₜ = scale · t^exponent, VW's
    /// <c>--squarecb</c> defaults scale 10 and exponent ½. The paper's oracle regresses the observed cost of the played
    /// action without importance weights: build the regressor with <c>importanceWeighted: false</c> (as VW does).
    /// </summary>
    /// <param name="regressor">The cost regressor (unweighted for the paper's algorithm).</param>
    /// <param name="gammaScale">γ scale.</param>
    /// <param name="gammaExponent">γ exponent.</param>
    /// <returns>The learner.</returns>
    public static ExploringCbLearner SquareCb(CostRegressor regressor, float gammaScale = 10f, float gammaExponent = 0.5f)
        => new(regressor, ExplorationRule.SquareCb, gammaScale, gammaExponent);

    /// <summary>Softmax over predicted costs: p(a) ∝ exp(−λ ĉ(a)) (VW's <c>--cb_explore_adf --softmax --lambda λ</c>).</summary>
    /// <param name="regressor">The cost regressor.</param>
    /// <param name="lambda">Inverse temperature λ ≥ 0 (0: uniform; large: greedy).</param>
    /// <returns>The learner.</returns>
    public static ExploringCbLearner Softmax(CostRegressor regressor, float lambda = 1f)
    {
        if (!(lambda >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), "λ must be non-negative.");
        }

        return new(regressor, ExplorationRule.Softmax, lambda);
    }

    /// <inheritdoc />
    public void Predict(CbExample example, Span<float> pmf)
    {
        ArgumentNullException.ThrowIfNull(example);
        int k = example.Actions.Count;
        if (_costs.Length < k)
        {
            _costs = new float[k * 2];
        }

        Span<float> costs = _costs.AsSpan(0, k);
        Regressor.Predict(example, costs);
        switch (Rule)
        {
            case ExplorationRule.EpsilonGreedy:
                Exploration.Explore.EpsilonGreedy(costs, Parameter, pmf[..k]);
                break;
            case ExplorationRule.SquareCb:
                Exploration.Explore.InverseGapWeighting(costs, Parameter * MathF.Pow(Round + 1, Exponent), pmf[..k]);
                break;
            case ExplorationRule.Softmax:
                Exploration.Explore.Softmax(costs, Parameter, pmf[..k]);
                break;
            default:
                Exploration.Explore.Greedy(costs, pmf[..k]);
                break;
        }
    }

    /// <inheritdoc />
    public void Learn(CbExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        Round++;
        Regressor.Learn(example);
    }
}
