namespace Hindsight.Bandits;

/// <summary>
/// A K-armed learner that, besides its pulled arm's reward, may buy observations through an
/// <see cref="ObservationChannel"/> with a budget it declares. The runner calls <see cref="IBanditPolicy.Update"/> with
/// the pulled arm's reward (bandit feedback, free), then <see cref="Observe"/> in the same round.
/// </summary>
/// <remarks>Under a total budget (no free bandit feedback) the learner must ignore the reward handed to
/// <see cref="IBanditPolicy.Update"/> and pay for every look, its own arm included.</remarks>
public interface IBudgetedFeedbackPolicy : IBanditPolicy
{
    /// <summary>The observations the learner may buy over a run (the runner enforces it).</summary>
    long ObservationBudget { get; }

    /// <summary>Called once per round after the update: the learner may observe arms at this round.</summary>
    /// <param name="channel">The run's channel, already at the round.</param>
    void Observe(ObservationChannel channel);
}
