namespace Hindsight.Games;

/// <summary>The classic small games, with their textbook payoffs.</summary>
public static class Classics
{
    /// <summary>Every classic by name.</summary>
    public static IReadOnlyDictionary<string, Func<NormalFormGame>> ByName { get; } = new Dictionary<string, Func<NormalFormGame>>
    {
        ["rock-paper-scissors"] = RockPaperScissors,
        ["matching-pennies"] = MatchingPennies,
        ["prisoners-dilemma"] = PrisonersDilemma,
        ["stag-hunt"] = StagHunt,
        ["battle-of-the-sexes"] = BattleOfTheSexes,
        ["chicken"] = Chicken,
        ["shapley"] = Shapley,
    };

    /// <summary>Rock–paper–scissors: zero-sum, win 1, lose −1; the unique equilibrium is uniform, value 0.</summary>
    /// <returns>The game.</returns>
    public static NormalFormGame RockPaperScissors() => Named(
        NormalFormGame.ZeroSum("Rock-paper-scissors", new double[,] { { 0, -1, 1 }, { 1, 0, -1 }, { -1, 1, 0 } }), ["Rock", "Paper", "Scissors"], ["Rock", "Paper", "Scissors"]);

    /// <summary>Matching pennies: the row player wins 1 on a match; unique equilibrium (½, ½) for both, value 0.</summary>
    /// <returns>The game.</returns>
    public static NormalFormGame MatchingPennies() => Named(
        NormalFormGame.ZeroSum("Matching pennies", new double[,] { { 1, -1 }, { -1, 1 } }), ["Heads", "Tails"], ["Heads", "Tails"]);

    /// <summary>Prisoner's dilemma (3, 0, 5, 1): defection dominates; the unique equilibrium is (Defect, Defect).</summary>
    /// <returns>The game.</returns>
    public static NormalFormGame PrisonersDilemma() => Named(
        NormalFormGame.Bimatrix("Prisoner's dilemma", new double[,] { { 3, 0 }, { 5, 1 } }, new double[,] { { 3, 5 }, { 0, 1 } }), ["Cooperate", "Defect"], ["Cooperate", "Defect"]);

    /// <summary>Stag hunt (4, 0; 3, 3): two pure equilibria and a mixed one (¾ stag).</summary>
    /// <returns>The game.</returns>
    public static NormalFormGame StagHunt() => Named(
        NormalFormGame.Bimatrix("Stag hunt", new double[,] { { 4, 0 }, { 3, 3 } }, new double[,] { { 4, 3 }, { 0, 3 } }), ["Stag", "Hare"], ["Stag", "Hare"]);

    /// <summary>Battle of the sexes (2, 1 on coordination): two pure equilibria and a mixed one (⅔, ⅓).</summary>
    /// <returns>The game.</returns>
    public static NormalFormGame BattleOfTheSexes() => Named(
        NormalFormGame.Bimatrix("Battle of the sexes", new double[,] { { 2, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 2 } }), ["Opera", "Football"], ["Opera", "Football"]);

    /// <summary>Chicken (swerve 0, straight 1, crash −10 vs swerving −1): two pure equilibria and a mixed one.</summary>
    /// <returns>The game.</returns>
    public static NormalFormGame Chicken() => Named(
        NormalFormGame.Bimatrix("Chicken", new double[,] { { 0, -1 }, { 1, -10 } }, new double[,] { { 0, 1 }, { -1, -10 } }), ["Swerve", "Straight"], ["Swerve", "Straight"]);

    /// <summary>
    /// Shapley's game (Shapley 1964): a 3×3 general-sum game whose unique equilibrium is uniform and on which fictitious
    /// play cycles; the row player gets 1 on (1,2), (2,3), (3,1), the column player on (1,3), (2,1), (3,2).
    /// </summary>
    /// <returns>The game.</returns>
    public static NormalFormGame Shapley() => NormalFormGame.Bimatrix(
        "Shapley's game",
        new double[,] { { 0, 1, 0 }, { 0, 0, 1 }, { 1, 0, 0 } },
        new double[,] { { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } });

    private static NormalFormGame Named(NormalFormGame g, string[] rows, string[] columns)
    {
        double[][] payoffs = [g.PayoffTable(0).ToArray(), g.PayoffTable(1).ToArray()];
        return new NormalFormGame(g.Title, g.Players, [rows, columns], payoffs);
    }
}
