namespace Hindsight.Oco;

/// <summary>
/// A strongly convex regularizer R for follow-the-regularized-leader, given by its leader map: the minimizer over the
/// domain of ⟨G, x⟩ + R(x) / η.
/// </summary>
public interface IRegularizer
{
    /// <summary>The domain the regularizer is defined on.</summary>
    IConvexDomain Domain { get; }

    /// <summary>The range max R − min R over the domain (FTRL's regret is ≤ range/η + η Σ‖gₜ‖²* / 2 up to constants).</summary>
    double Range { get; }

    /// <summary>Writes argmin over the domain of ⟨g, x⟩ + R(x)/η.</summary>
    /// <param name="g">The cumulative (possibly optimistic) gradient.</param>
    /// <param name="eta">The learning rate η &gt; 0.</param>
    /// <param name="x">Receives the minimizer.</param>
    void Leader(ReadOnlySpan<double> g, double eta, Span<double> x);
}
