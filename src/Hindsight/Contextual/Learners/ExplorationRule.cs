namespace Hindsight.Contextual.Learners;

/// <summary>How an <see cref="ExploringCbLearner"/> turns predicted costs into action probabilities.</summary>
public enum ExplorationRule
{
    /// <summary>All mass on the lowest predicted cost.</summary>
    Greedy,

    /// <summary>ε/K everywhere plus 1 − ε on the lowest predicted cost.</summary>
    EpsilonGreedy,

    /// <summary>Inverse gap weighting with γₜ = scale · t^exponent (Foster and Rakhlin 2020).</summary>
    SquareCb,

    /// <summary>p(a) ∝ exp(−λ ĉ(a)) (a Boltzmann / softmax explorer, VW's <c>--softmax --lambda</c>).</summary>
    Softmax,
}
