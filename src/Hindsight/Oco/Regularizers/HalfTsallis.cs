using Hindsight.Oco.Domains;

namespace Hindsight.Oco.Regularizers;

/// <summary>
/// The ½-Tsallis entropy R(x) = −2 Σ √xᵢ on the simplex: the leader is xᵢ = 1 / (η (Gᵢ + λ))² with λ normalizing — the
/// regularizer of Tsallis-INF (Zimmert and Seldin, JMLR 2021), here with full information.
/// </summary>
public sealed class HalfTsallis(Simplex simplex) : IRegularizer
{
    /// <inheritdoc />
    public IConvexDomain Domain { get; } = simplex ?? throw new ArgumentNullException(nameof(simplex));

    /// <inheritdoc />
    public double Range => 2 * (Math.Sqrt(Domain.Dimension) - 1);

    /// <inheritdoc />
    public void Leader(ReadOnlySpan<double> g, double eta, Span<double> x)
        => SimplexNormalizer.Solve(g, eta, static z => 1 / (z * z), static z => -2 / (z * z * z), x);
}
