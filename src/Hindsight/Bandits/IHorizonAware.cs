namespace Hindsight.Bandits;

/// <summary>
/// A learner (or environment) whose tuning needs the horizon T (e.g. Hedge's η = √(8 ln K / T)); the runner calls
/// <see cref="Prepare"/> after <see cref="IBanditPolicy.Reset"/> and before the first round.
/// </summary>
public interface IHorizonAware
{
    /// <summary>Tunes the learner for a horizon.</summary>
    /// <param name="horizon">The number of rounds T ≥ 1.</param>
    void Prepare(long horizon);
}
