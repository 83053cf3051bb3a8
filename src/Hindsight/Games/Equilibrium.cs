namespace Hindsight.Games;

/// <summary>A mixed-strategy profile found by a solver, with each player's expected payoff.</summary>
/// <param name="Strategies">One probability vector per player.</param>
/// <param name="Payoffs">Each player's expected payoff.</param>
public sealed record Equilibrium(IReadOnlyList<double[]> Strategies, IReadOnlyList<double> Payoffs)
{
    /// <summary>A two-player profile with its expected payoffs; each strategy's weights clipped at 0 and normalized
    /// (a solver's rounding leaves −1e-17 and sums off by an ulp).</summary>
    internal static Equilibrium Of(NormalFormGame game, double[] x, double[] y)
    {
        double[][] s = [Distribution(x), Distribution(y)];
        return new Equilibrium(s, [game.ExpectedPayoff(0, s), game.ExpectedPayoff(1, s)]);
    }

    /// <summary>Whether every probability is within <paramref name="tolerance"/> of the other profile's.</summary>
    internal bool IsNear(IReadOnlyList<double[]> strategies, double tolerance)
        => Strategies.Zip(strategies).All(pair => pair.First.Zip(pair.Second).All(v => Math.Abs(v.First - v.Second) <= tolerance));

    private static double[] Distribution(double[] weights)
    {
        double total = weights.Sum(w => Math.Max(0, w));
        return [.. weights.Select(w => Math.Max(0, w) / total)];
    }
}
