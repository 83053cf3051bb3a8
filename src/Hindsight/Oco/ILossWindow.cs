namespace Hindsight.Oco;

/// <summary>
/// A sum of some rounds' losses, Σ_{t ∈ I} fₜ, and its minimum over a domain — the comparator of external regret
/// (I = 1..t) and of adaptive regret (I an interval).
/// </summary>
public interface ILossWindow
{
    /// <summary>Adds round t's loss to the sum.</summary>
    /// <param name="round">t ≥ 1.</param>
    void Add(long round);

    /// <summary>Empties the sum.</summary>
    void Clear();

    /// <summary>Whether <see cref="Minimum"/> is exact (closed form) rather than a numerical solver's answer.</summary>
    bool IsExact { get; }

    /// <summary>min over the domain of the sum (0 for an empty sum).</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>The minimum.</returns>
    double Minimum(IConvexDomain domain);
}
