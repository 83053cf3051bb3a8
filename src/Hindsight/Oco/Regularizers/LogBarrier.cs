using Hindsight.Oco.Domains;

namespace Hindsight.Oco.Regularizers;

/// <summary>
/// R(x) = −Σ ln xᵢ on the simplex: the leader is xᵢ = 1 / (η (Gᵢ + λ)) with λ normalizing (first-order conditions of
/// ⟨G, x⟩ + R(x)/η under Σ x = 1). Used for its small local norms (Foster, Li, Lykouris, Sridharan, Tardos 2016; Wei and
/// Luo 2018).
/// </summary>
public sealed class LogBarrier(Simplex simplex) : IRegularizer
{
    /// <inheritdoc />
    public IConvexDomain Domain { get; } = simplex ?? throw new ArgumentNullException(nameof(simplex));

    /// <summary>K ln K, a stand-in: the barrier is unbounded near the simplex's faces (analyses compare with a point
    /// moved 1/T inside and pay K ln T).</summary>
    public double Range => Domain.Dimension * Math.Log(Math.Max(Domain.Dimension, 2));

    /// <inheritdoc />
    public void Leader(ReadOnlySpan<double> g, double eta, Span<double> x)
        => SimplexNormalizer.Solve(g, eta, static z => 1 / z, static z => -1 / (z * z), x);
}
