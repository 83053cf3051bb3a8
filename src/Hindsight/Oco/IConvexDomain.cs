namespace Hindsight.Oco;

/// <summary>A closed convex set K ⊂ ℝᵈ that online convex optimization plays in, with its Euclidean projection.</summary>
public interface IConvexDomain
{
    /// <summary>The dimension d.</summary>
    int Dimension { get; }

    /// <summary>The Euclidean diameter D = max ‖x − y‖ over K (learners tune step sizes with it).</summary>
    double Diameter { get; }

    /// <summary>The largest norm max ‖x‖ over K (bounds on gradients of losses such as ½‖x − z‖² use it).</summary>
    double MaxNorm { get; }

    /// <summary>Replaces x by its Euclidean projection Π_K(x) = argmin_{y ∈ K} ‖y − x‖.</summary>
    /// <param name="x">The point (overwritten).</param>
    void Project(Span<double> x);

    /// <summary>The minimizer of the linear function ⟨g, x⟩ over K (ties broken deterministically).</summary>
    /// <param name="g">The direction.</param>
    /// <param name="x">Receives the minimizer.</param>
    void MinimizeLinear(ReadOnlySpan<double> g, Span<double> x);
}
