namespace Hindsight.Bandits;

/// <summary>
/// A K-armed bandit policy: it chooses an arm, then is told that arm's reward, and nothing else.
/// It never sees the environment's means or the rewards of arms it did not pull.
/// </summary>
/// <remarks>
/// The protocol for round t = 1, 2, …: <c>arm = Choose()</c>, then <c>Update(arm, reward)</c>.
/// Rewards are real numbers; most policies assume them in [0, 1] (their docs say so).
/// </remarks>
public interface IBanditPolicy
{
    /// <summary>The number of arms K.</summary>
    int Arms { get; }

    /// <summary>Forgets everything and restarts the policy's own randomness from <paramref name="seed"/>.</summary>
    /// <param name="seed">Seed of the policy's internal random stream (unused by deterministic policies).</param>
    void Reset(ulong seed);

    /// <summary>Chooses the arm to pull this round.</summary>
    /// <returns>An arm index in [0, <see cref="Arms"/>).</returns>
    int Choose();

    /// <summary>Tells the policy the reward of the arm it pulled.</summary>
    /// <param name="arm">The arm that was pulled (the last value of <see cref="Choose"/>).</param>
    /// <param name="reward">Its realized reward.</param>
    void Update(int arm, double reward);
}
