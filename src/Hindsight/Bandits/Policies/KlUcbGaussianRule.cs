namespace Hindsight.Bandits.Policies;

/// <summary>
/// KL-UCB with the Gaussian divergence (Garivier and Cappé, COLT 2011; Cappé et al., "Kullback–Leibler upper
/// confidence bounds for optimal sequential allocation", Annals of Statistics 2013): the index
/// max{q : nᵢ (μ̂ᵢ − q)² / (2σ²) ≤ ln t + c ln ln t} = μ̂ᵢ + σ √(2 (ln t + c ln ln t) / nᵢ).
/// </summary>
/// <remarks>Asymptotically optimal for Gaussian rewards of known variance σ².</remarks>
public struct KlUcbGaussianRule : IIndexRule
{
    private readonly double _sigma;
    private readonly double _c;
    private double _budget;

    /// <summary>Creates the rule.</summary>
    /// <param name="sigma">The known reward standard deviation σ.</param>
    /// <param name="c">The ln ln t coefficient c (0 in practice, 3 in the theorem).</param>
    public KlUcbGaussianRule(double sigma, double c)
    {
        _sigma = sigma;
        _c = c;
    }

    /// <inheritdoc />
    public void BeginRound(long round, int arms)
    {
        double lt = Math.Log(round);
        _budget = lt + (_c > 0 && lt > 1 ? _c * Math.Log(lt) : 0.0);
    }

    /// <inheritdoc />
    public readonly double Index(in ArmStats arm) => arm.Mean + (_sigma * Math.Sqrt(2 * _budget * arm.InversePulls));
}
