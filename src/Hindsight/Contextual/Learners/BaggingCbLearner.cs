using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Contextual.Learners;

/// <summary>
/// Online bagging (Oza and Russell, "Online bagging and boosting", AISTATS 2001) for contextual bandits, VW's
/// <c>--cb_explore_adf --bag B</c>: B cost regressors, each learning every example with its importance multiplied by an
/// independent Poisson(1) count (an online bootstrap); the probability of an action is the fraction of regressors whose
/// lowest predicted cost it has (ties to the lowest action). Exploration comes from the regressors' disagreement.
/// </summary>
public sealed class BaggingCbLearner : IContextualLearner
{
    private readonly CostRegressor[] _bags;
    private readonly SeededRandom _rng;
    private float[] _costs = new float[64];

    /// <summary>Creates the learner.</summary>
    /// <param name="bags">The regressors (B ≥ 1), built alike.</param>
    /// <param name="seed">Seed of the Poisson counts.</param>
    public BaggingCbLearner(IReadOnlyList<CostRegressor> bags, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(bags);
        if (bags.Count == 0)
        {
            throw new ArgumentException("At least one regressor is needed.", nameof(bags));
        }

        _bags = [.. bags];
        _rng = new SeededRandom(seed);
    }

    /// <summary>The regressors.</summary>
    public IReadOnlyList<CostRegressor> Bags => _bags;

    /// <summary>The Poisson generator (its state is part of a saved model).</summary>
    internal SeededRandom Random => _rng;

    /// <inheritdoc />
    public void Predict(CbExample example, Span<float> pmf)
    {
        ArgumentNullException.ThrowIfNull(example);
        int k = example.Actions.Count;
        if (_costs.Length < k)
        {
            _costs = new float[k * 2];
        }

        pmf[..k].Clear();
        Span<float> costs = _costs.AsSpan(0, k);
        foreach (CostRegressor bag in _bags)
        {
            bag.Predict(example, costs);
            pmf[Exploration.Explore.ArgMin(costs)] += 1f; // whole votes, divided once: the sum is exactly 1
        }

        for (int a = 0; a < k; a++)
        {
            pmf[a] /= _bags.Length;
        }
    }

    /// <inheritdoc />
    public void Learn(CbExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        foreach (CostRegressor bag in _bags)
        {
            bag.Learn(example, Poisson.Sample(_rng, 1.0));
        }
    }
}
