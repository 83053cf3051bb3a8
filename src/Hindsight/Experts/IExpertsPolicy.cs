using Hindsight.Bandits;

namespace Hindsight.Experts;

/// <summary>
/// A learner with full-information feedback (prediction with expert advice): each round it plays a distribution
/// pₜ over the K experts (arms), then sees every expert's reward rₜ. Its reward is ⟨pₜ, rₜ⟩, the expected reward of
/// playing pₜ — the quantity whose regret the experts bounds control (losses are ℓ = 1 − r).
/// </summary>
/// <remarks>The runner plays any <see cref="IExpertsPolicy"/> with full information on any K-armed environment (every
/// environment can tell every arm's reward). <see cref="IBanditPolicy.Choose"/> draws an expert from the current
/// distribution for callers that need one action; <see cref="IBanditPolicy.Update"/> is ignored (an experts learner
/// learns from <see cref="Observe"/>).</remarks>
public interface IExpertsPolicy : IBanditPolicy
{
    /// <summary>Writes this round's distribution pₜ over the experts (non-negative, summing to 1).</summary>
    /// <param name="weights">Receives K probabilities.</param>
    void Distribution(Span<double> weights);

    /// <summary>Tells the learner every expert's reward this round (after <see cref="Distribution"/>).</summary>
    /// <param name="rewards">K rewards, each in [0, 1].</param>
    void Observe(ReadOnlySpan<double> rewards);
}
