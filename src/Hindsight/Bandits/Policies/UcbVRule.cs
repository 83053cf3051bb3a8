namespace Hindsight.Bandits.Policies;

/// <summary>
/// UCB-V (Audibert, Munos and Szepesvári, "Exploration–exploitation tradeoff using variance estimates in
/// multi-armed bandits", Theoretical Computer Science 2009): index
/// μ̂ᵢ + √(2 Vᵢ ζ ln t / nᵢ) + 3 c b ζ ln t / nᵢ, with Vᵢ the empirical variance, rewards in [0, b].
/// </summary>
/// <remarks>Defaults ζ = 1.2 and c = 1, as in the paper's Theorem 1 conditions.</remarks>
public struct UcbVRule : IIndexRule
{
    private readonly double _zeta;
    private readonly double _c;
    private readonly double _b;
    private double _explore;

    /// <summary>Creates the rule.</summary>
    /// <param name="zeta">The exploration function factor ζ (E_t = ζ ln t).</param>
    /// <param name="c">The constant c of the range term.</param>
    /// <param name="b">The reward range b (rewards in [0, b]).</param>
    public UcbVRule(double zeta, double c, double b)
    {
        _zeta = zeta;
        _c = c;
        _b = b;
    }

    /// <inheritdoc />
    public void BeginRound(long round, int arms) => _explore = _zeta * Math.Log(round);

    /// <inheritdoc />
    public readonly double Index(in ArmStats arm)
        => arm.Mean + Math.Sqrt(2 * arm.Variance * _explore * arm.InversePulls) + (3 * _c * _b * _explore * arm.InversePulls);
}
