namespace Hindsight.Oco;

/// <summary>One realization of an <see cref="IOcoStream"/>: every round's loss, its gradient and its minimum.</summary>
public interface IOcoRun
{
    /// <summary>fₜ(x).</summary>
    /// <param name="round">t ≥ 1.</param>
    /// <param name="x">The point.</param>
    /// <returns>The loss.</returns>
    double Loss(long round, ReadOnlySpan<double> x);

    /// <summary>Writes ∇fₜ(x) (a subgradient where fₜ is not differentiable).</summary>
    /// <param name="round">t ≥ 1.</param>
    /// <param name="x">The point.</param>
    /// <param name="gradient">Receives d coordinates.</param>
    void Gradient(long round, ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>min over the domain of fₜ alone (the per-round comparator of dynamic regret), exactly.</summary>
    /// <param name="round">t ≥ 1.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>min_{x ∈ K} fₜ(x).</returns>
    double RoundMinimum(long round, IConvexDomain domain);

    /// <summary>A fresh, empty sum of losses whose minimum over the domain can be asked for.</summary>
    /// <returns>The window.</returns>
    ILossWindow NewWindow();
}
