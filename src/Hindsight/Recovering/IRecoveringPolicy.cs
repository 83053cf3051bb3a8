namespace Hindsight.Recovering;

/// <summary>A policy for bandits with recovering rewards: each period it picks up to K distinct arms, then sees their
/// rewards.</summary>
public interface IRecoveringPolicy
{
    /// <summary>Forgets everything.</summary>
    /// <param name="seed">Seed of the policy's own randomness.</param>
    void Reset(ulong seed);

    /// <summary>Picks this period's arms.</summary>
    /// <param name="arms">Room for K arms.</param>
    /// <returns>How many it wrote (0 … K).</returns>
    int Choose(Span<int> arms);

    /// <summary>The rewards of the arms it picked.</summary>
    /// <param name="arms">The arms.</param>
    /// <param name="rewards">Their rewards.</param>
    void Update(ReadOnlySpan<int> arms, ReadOnlySpan<double> rewards);
}
