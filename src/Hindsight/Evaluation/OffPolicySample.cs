namespace Hindsight.Evaluation;

/// <summary>
/// What off-policy estimators need from one logged decision: the observed reward, the logging policy's probability
/// μ(aᵢ|xᵢ) of the logged action, the target policy's probability π(aᵢ|xᵢ) of it, and a reward model's view:
/// q̂(xᵢ, aᵢ) and the model's value of the target policy Σₐ π(a|xᵢ) q̂(xᵢ, a).
/// </summary>
/// <param name="Reward">The observed reward rᵢ (use −cost for costs).</param>
/// <param name="LoggingProbability">μ(aᵢ|xᵢ) ∈ (0, 1].</param>
/// <param name="TargetProbability">π(aᵢ|xᵢ) ∈ [0, 1].</param>
/// <param name="ModelOfLogged">q̂(xᵢ, aᵢ) (0 when there is no model).</param>
/// <param name="ModelValue">Σₐ π(a|xᵢ) q̂(xᵢ, a) (0 when there is no model).</param>
public readonly record struct OffPolicySample(double Reward, double LoggingProbability, double TargetProbability, double ModelOfLogged = 0, double ModelValue = 0)
{
    /// <summary>The importance weight wᵢ = π(aᵢ|xᵢ) / μ(aᵢ|xᵢ).</summary>
    public double Weight => TargetProbability / LoggingProbability;
}
