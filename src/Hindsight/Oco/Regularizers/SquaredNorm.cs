using System.Numerics.Tensors;

namespace Hindsight.Oco.Regularizers;

/// <summary>R(x) = ‖x‖²/2 on any domain: the leader is the projection Π_K(−η G) ("lazy projection", dual averaging).</summary>
public sealed class SquaredNorm(IConvexDomain domain) : IRegularizer
{
    /// <inheritdoc />
    public IConvexDomain Domain { get; } = domain ?? throw new ArgumentNullException(nameof(domain));

    /// <inheritdoc />
    public double Range => Domain.Diameter * Domain.Diameter / 2;

    /// <inheritdoc />
    public void Leader(ReadOnlySpan<double> g, double eta, Span<double> x)
    {
        TensorPrimitives.Multiply(g, -eta, x);
        Domain.Project(x);
    }
}
