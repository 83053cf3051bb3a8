namespace Hindsight.Bandits;

/// <summary>
/// A bandit learner that draws its arm from an explicit distribution (EXP3, Tsallis-INF) and can tell it: what a
/// repeated game needs to measure a bandit player's mixed strategy, not only its sampled action.
/// </summary>
public interface IRandomizedPolicy : IBanditPolicy
{
    /// <summary>Writes the distribution the last <see cref="IBanditPolicy.Choose"/> drew from.</summary>
    /// <param name="probabilities">Receives K probabilities summing to 1.</param>
    void LastDistribution(Span<double> probabilities);
}
