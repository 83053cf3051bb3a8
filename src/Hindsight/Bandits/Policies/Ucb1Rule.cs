namespace Hindsight.Bandits.Policies;

/// <summary>
/// UCB1 (Auer, Cesa-Bianchi and Fischer, "Finite-time analysis of the multiarmed bandit problem",
/// Machine Learning 2002): index μ̂ᵢ + √(α ln t / nᵢ), with α = 2 the textbook value.
/// </summary>
/// <remarks>Logarithmic pseudo-regret Σ_{i:Δᵢ&gt;0} 8 ln T / Δᵢ + O(K) for rewards in [0, 1].</remarks>
public struct Ucb1Rule : IIndexRule
{
    private readonly double _alpha;
    private double _scaledLog;

    /// <summary>Creates the rule.</summary>
    /// <param name="alpha">The exploration constant α (2 in the paper).</param>
    public Ucb1Rule(double alpha) => _alpha = alpha;

    /// <inheritdoc />
    public void BeginRound(long round, int arms) => _scaledLog = _alpha * Math.Log(round);

    /// <inheritdoc />
    public readonly double Index(in ArmStats arm) => arm.Mean + Math.Sqrt(_scaledLog * arm.InversePulls);
}
