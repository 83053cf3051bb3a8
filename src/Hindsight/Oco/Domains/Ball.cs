using System.Numerics.Tensors;

namespace Hindsight.Oco.Domains;

/// <summary>The Euclidean ball {x : ‖x‖ ≤ R}.</summary>
public sealed class Ball : IConvexDomain
{
    /// <summary>Creates the ball.</summary>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="radius">R &gt; 0.</param>
    public Ball(int dimension, double radius = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(radius > 0) || double.IsInfinity(radius))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), "The radius must be a positive finite number.");
        }

        Dimension = dimension;
        Radius = radius;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The radius R.</summary>
    public double Radius { get; }

    /// <inheritdoc />
    public double Diameter => 2 * Radius;

    /// <inheritdoc />
    public double MaxNorm => Radius;

    /// <inheritdoc />
    public void Project(Span<double> x)
    {
        double norm = TensorPrimitives.Norm<double>(x);
        if (norm > Radius)
        {
            TensorPrimitives.Multiply(x, Radius / norm, x);
        }
    }

    /// <inheritdoc />
    public void MinimizeLinear(ReadOnlySpan<double> g, Span<double> x)
    {
        double norm = TensorPrimitives.Norm(g);
        if (norm == 0)
        {
            x.Clear();
            return;
        }

        TensorPrimitives.Multiply(g, -Radius / norm, x);
    }
}
