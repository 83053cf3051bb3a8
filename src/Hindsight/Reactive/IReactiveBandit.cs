namespace Hindsight.Reactive;

/// <summary>
/// A K-armed bandit whose rewards react to the learner's own past actions (recovering, satiating or tallying arms;
/// hidden dynamics). <see cref="Start"/> gives the environment at its start for one (seed, run); calling it again gives
/// the same start with the same random numbers, which is how a comparator is replayed against it.
/// </summary>
/// <remarks>
/// Noise must be addressed by (seed, run, round, arm) — not drawn from a stream — so that a replay under another
/// action sequence meets the same noise in each round (common random numbers); the randomness the environment does
/// not owe to the learner's actions is then shared exactly between the learner and its comparators.
/// </remarks>
public interface IReactiveBandit
{
    /// <summary>The number of arms K.</summary>
    int Arms { get; }

    /// <summary>The environment at round 1 of a run.</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>A fresh state; independent of any other state started before.</returns>
    IReactiveState Start(ulong seed, long run);
}
