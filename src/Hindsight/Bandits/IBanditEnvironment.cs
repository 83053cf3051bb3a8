namespace Hindsight.Bandits;

/// <summary>
/// A K-armed bandit environment: it owns the truth (every arm's reward each round, and the means). One
/// realization per (seed, run) is produced by <see cref="Start"/>; learners never receive it, only the reward
/// of the arm they pulled, handed over by the runner.
/// </summary>
public interface IBanditEnvironment
{
    /// <summary>The number of arms K.</summary>
    int Arms { get; }

    /// <summary>True when the means do not depend on the round (pseudo-regret then equals dynamic regret).</summary>
    bool IsStationary { get; }

    /// <summary>The most rounds this environment can produce (a CSV table's length), or <see cref="long.MaxValue"/>.</summary>
    long MaxHorizon { get; }

    /// <summary>Realizes the environment for one run. Rewards depend only on (seed, run, round, arm).</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index (0-based).</param>
    /// <returns>The oracle view of that run.</returns>
    IBanditOracle Start(ulong seed, long run);
}
