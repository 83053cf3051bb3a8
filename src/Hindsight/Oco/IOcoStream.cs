namespace Hindsight.Oco;

/// <summary>
/// A sequence of convex losses f₁, f₂, … on ℝᵈ (an OCO environment); one realization per (seed, run) comes from
/// <see cref="Start"/>. Learners see only gradients at the points they play; meters read the realization.
/// </summary>
public interface IOcoStream
{
    /// <summary>The dimension d.</summary>
    int Dimension { get; }

    /// <summary>The most rounds the stream has (a data set's rows), or <see cref="long.MaxValue"/>.</summary>
    long MaxHorizon { get; }

    /// <summary>A bound G on ‖∇fₜ(x)‖ over the domain (learners tuned by G use it).</summary>
    /// <param name="domain">The domain played in.</param>
    /// <returns>G &gt; 0.</returns>
    double GradientBound(IConvexDomain domain);

    /// <summary>Realizes the stream for one run; losses depend only on (seed, run, round).</summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>The realization.</returns>
    IOcoRun Start(ulong seed, long run);
}
