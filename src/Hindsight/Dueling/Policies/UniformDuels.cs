using Hindsight.Numerics;

namespace Hindsight.Dueling.Policies;

/// <summary>The baseline: two arms drawn uniformly and independently every round (linear regret).</summary>
/// <param name="arms">K ≥ 2.</param>
public sealed class UniformDuels(int arms) : IDuelingPolicy
{
    private readonly SeededRandom _rng = new(0);

    /// <inheritdoc />
    public int Arms => arms;

    /// <inheritdoc />
    public void Reset(ulong seed) => _rng.Reseed(seed);

    /// <inheritdoc />
    public (int First, int Second) Choose() => (_rng.Next(arms), _rng.Next(arms));

    /// <inheritdoc />
    public void Update(int first, int second, bool firstWon)
    {
    }
}
