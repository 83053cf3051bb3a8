namespace Hindsight.Games.Solvers;

/// <summary>
/// The automatic choice of a two-player Nash solver: a zero-sum game by linear programming (its value and one
/// equilibrium), a small general-sum game by support enumeration (every equilibrium of a non-degenerate game), a larger
/// one by Lemke–Howson from every label (the equilibria those paths reach).
/// </summary>
public static class NashEquilibria
{
    /// <summary>The most support pairs the automatic choice leaves to support enumeration.</summary>
    public const double SupportEnumerationPairs = 20_000;

    /// <summary>Finds equilibria by the method that suits the game.</summary>
    /// <param name="game">A two-player game.</param>
    /// <returns>The method's name (<c>linear-programming</c>, <c>support-enumeration</c> or <c>lemke-howson</c>) and the
    /// equilibria.</returns>
    /// <exception cref="ArgumentException">The game does not have two players.</exception>
    public static (string Method, IReadOnlyList<Equilibrium> Equilibria) Find(NormalFormGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Players.Count != 2)
        {
            throw new ArgumentException("Nash equilibria are computed for two-player games.", nameof(game));
        }

        string method = Choose(game);
        return (method, Solve(game, method));
    }

    /// <summary>The method <see cref="Find"/> takes for a game.</summary>
    /// <param name="game">A two-player game.</param>
    /// <returns>The method's name.</returns>
    public static string Choose(NormalFormGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        return game.IsZeroSum ? "linear-programming"
            : SupportEnumeration.PairCount(game.StrategyCount(0), game.StrategyCount(1)) <= SupportEnumerationPairs ? "support-enumeration"
            : "lemke-howson";
    }

    /// <summary>Runs a named method.</summary>
    /// <param name="game">A two-player game (zero-sum for <c>linear-programming</c>).</param>
    /// <param name="method"><c>linear-programming</c>, <c>support-enumeration</c> or <c>lemke-howson</c>.</param>
    /// <returns>The equilibria.</returns>
    public static IReadOnlyList<Equilibrium> Solve(NormalFormGame game, string method) => method switch
    {
        "linear-programming" => [ZeroSumSolver.Solve(game)],
        "support-enumeration" => SupportEnumeration.Solve(game),
        "lemke-howson" => LemkeHowson.All(game),
        _ => throw new ArgumentException($"Unknown method '{method}'.", nameof(method)),
    };
}
