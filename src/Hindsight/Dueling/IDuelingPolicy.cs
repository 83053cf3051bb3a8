namespace Hindsight.Dueling;

/// <summary>A dueling-bandit learner: picks two arms a round and learns which won.</summary>
public interface IDuelingPolicy
{
    /// <summary>K.</summary>
    int Arms { get; }

    /// <summary>Forgets everything and reseeds.</summary>
    /// <param name="seed">The seed.</param>
    void Reset(ulong seed);

    /// <summary>The two arms of this round's duel (they may be equal).</summary>
    /// <returns>The first and second arm.</returns>
    (int First, int Second) Choose();

    /// <summary>The duel's outcome.</summary>
    /// <param name="first">The first arm.</param>
    /// <param name="second">The second arm.</param>
    /// <param name="firstWon">True when the first arm won.</param>
    void Update(int first, int second, bool firstWon);
}
