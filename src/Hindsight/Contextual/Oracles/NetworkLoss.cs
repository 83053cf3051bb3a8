namespace Hindsight.Contextual.Oracles;

/// <summary>The loss an <see cref="OnlineNetwork"/> is trained on.</summary>
public enum NetworkLoss
{
    /// <summary>Square loss (ŷ − y)², with the network output as the prediction ŷ.</summary>
    Square,

    /// <summary>
    /// KL (log) loss y log(y/ŷ) + (1 − y) log((1 − y)/(1 − ŷ)) for y ∈ [0, 1], with ŷ = σ(output) the logistic of the
    /// network output: log loss up to a term that does not depend on the model.
    /// </summary>
    Log,
}
