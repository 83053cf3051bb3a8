namespace Hindsight.Contextual.Oracles;

/// <summary>The loss an online regression oracle (<see cref="AdaptiveSgd"/>, <see cref="OnlineNetwork"/>) learns.</summary>
public enum RegressionLoss
{
    /// <summary>Square loss (ŷ − y)², with the model's output as the prediction ŷ.</summary>
    Square,

    /// <summary>
    /// Log loss with a logistic link: ŷ = σ(output) = 1 / (1 + e^(−output)) and loss −y log ŷ − (1 − y) log(1 − ŷ) for
    /// y ∈ [0, 1] (the KL divergence KL(y ‖ ŷ) up to a term free of the model; VW's <c>--loss_function logistic</c> with
    /// labels −1/+1 read as y = 0/1). <see cref="AdaptiveSgd"/> takes binary targets y ∈ {0, 1}.
    /// </summary>
    Log,
}
