namespace Hindsight.Oco;

/// <summary>
/// An online convex optimization learner with first-order feedback: each round it plays a point xₜ in its domain,
/// then is told the gradient gₜ = ∇fₜ(xₜ) of the round's convex loss.
/// </summary>
public interface IOcoLearner
{
    /// <summary>The dimension d.</summary>
    int Dimension { get; }

    /// <summary>Forgets everything (restarts at the domain's projection of 0).</summary>
    /// <param name="seed">Seed of the learner's randomness (unused by deterministic learners).</param>
    void Reset(ulong seed);

    /// <summary>Writes the point xₜ to play this round.</summary>
    /// <param name="x">Receives d coordinates.</param>
    void Predict(Span<double> x);

    /// <summary>Tells the learner the gradient of this round's loss at the point it played.</summary>
    /// <param name="gradient">gₜ = ∇fₜ(xₜ).</param>
    void Update(ReadOnlySpan<double> gradient);
}
