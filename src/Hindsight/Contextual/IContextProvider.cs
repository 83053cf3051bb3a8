namespace Hindsight.Contextual;

/// <summary>
/// Implemented by the oracles of contextual environments: the context of each round. The context is what the
/// learner is allowed to see before it chooses (unlike the means and rewards, which only meters read).
/// </summary>
public interface IContextProvider
{
    /// <summary>The context dimension d.</summary>
    int Dimension { get; }

    /// <summary>Writes the context of a round.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <param name="context">Receives d values.</param>
    void Context(long round, Span<double> context);
}
