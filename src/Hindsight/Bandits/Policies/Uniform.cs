using Hindsight.Numerics;

namespace Hindsight.Bandits.Policies;

/// <summary>Uniform random play: each round an arm drawn uniformly at random. The baseline every learner must beat.</summary>
/// <remarks>Pseudo-regret T · (μ* − mean of the means): linear.</remarks>
public sealed class Uniform : IBanditPolicy
{
    private readonly SeededRandom _rng = new(0);

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    public Uniform(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        Arms = arms;
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public void Reset(ulong seed) => _rng.Reseed(seed);

    /// <inheritdoc />
    public int Choose() => _rng.Next(Arms);

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
    }
}
