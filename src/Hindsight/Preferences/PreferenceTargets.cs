namespace Hindsight.Preferences;

/// <summary>The exact targets a preference study measures against, computed once per game and β.</summary>
/// <param name="MinimaxWinner">The minimax (von Neumann) winner.</param>
/// <param name="Nash">The β-regularized Nash policy (the minimax winner when β = 0).</param>
public sealed record PreferenceTargets(TabularPolicy MinimaxWinner, TabularPolicy Nash)
{
    /// <summary>Computes the targets.</summary>
    /// <param name="game">The game.</param>
    /// <param name="beta">β ≥ 0.</param>
    /// <returns>The targets.</returns>
    /// <exception cref="ArgumentException">The regularized Nash policy could not be found (β far too small).</exception>
    public static PreferenceTargets Of(PreferenceGame game, double beta)
    {
        ArgumentNullException.ThrowIfNull(game);
        TabularPolicy winner = game.MinimaxWinner();
        return new PreferenceTargets(winner, beta > 0 ? game.RegularizedNash(beta) : winner);
    }
}
