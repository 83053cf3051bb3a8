namespace Hindsight.Contextual.Learners;

/// <summary>
/// A contextual-bandit learner made of a cost regressor and an exploration rule over its predictions
/// (VW's <c>--cb_explore_adf</c>): <see cref="Greedy"/> (<c>--cb_adf</c>), <see cref="EpsilonGreedy"/> and
/// <see cref="SquareCb"/> build it.
/// </summary>
public sealed class ExploringCbLearner : IContextualLearner
{
    private readonly CostRegressor _regressor;
    private readonly Action<ReadOnlySpan<float>, long, Span<float>> _explore;
    private float[] _costs = new float[64];
    private long _round;

    /// <summary>Creates the learner.</summary>
    /// <param name="regressor">The cost regressor.</param>
    /// <param name="explore">Turns (predicted costs, 1-based round) into probabilities.</param>
    public ExploringCbLearner(CostRegressor regressor, Action<ReadOnlySpan<float>, long, Span<float>> explore)
    {
        ArgumentNullException.ThrowIfNull(regressor);
        ArgumentNullException.ThrowIfNull(explore);
        _regressor = regressor;
        _explore = explore;
    }

    /// <summary>The greedy policy on predicted costs (VW's <c>--cb_adf</c>): no exploration.</summary>
    /// <param name="regressor">The cost regressor.</param>
    /// <returns>The learner.</returns>
    public static ExploringCbLearner Greedy(CostRegressor regressor)
        => new(regressor, (costs, _, pmf) => Exploration.Explore.Greedy(costs, pmf));

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

        return new(regressor, (costs, _, pmf) => Exploration.Explore.EpsilonGreedy(costs, epsilon, pmf));
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
        => new(regressor, (costs, t, pmf) => Exploration.Explore.InverseGapWeighting(costs, gammaScale * MathF.Pow(t, gammaExponent), pmf));

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
        _regressor.Predict(example, costs);
        _explore(costs, _round + 1, pmf[..k]);
    }

    /// <inheritdoc />
    public void Learn(CbExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        _round++;
        _regressor.Learn(example);
    }
}
