using System.Numerics.Tensors;
using Hindsight.Oco.Domains;

namespace Hindsight.Oco.Regularizers;

/// <summary>R(x) = Σ xᵢ ln xᵢ on the simplex: the leader is xᵢ ∝ exp(−η Gᵢ) (FTRL here is Hedge on linear losses).</summary>
public sealed class NegativeEntropy(Simplex simplex) : IRegularizer
{
    /// <inheritdoc />
    public IConvexDomain Domain { get; } = simplex ?? throw new ArgumentNullException(nameof(simplex));

    /// <inheritdoc />
    public double Range => Math.Log(Math.Max(Domain.Dimension, 2));

    /// <inheritdoc />
    public void Leader(ReadOnlySpan<double> g, double eta, Span<double> x)
    {
        double min = TensorPrimitives.Min(g);
        TensorPrimitives.Subtract(g, min, x);
        TensorPrimitives.Multiply(x, -eta, x);
        TensorPrimitives.Max(x, -700.0, x);
        TensorPrimitives.Exp(x, x);
        TensorPrimitives.Divide(x, TensorPrimitives.Sum<double>(x), x);
    }
}
