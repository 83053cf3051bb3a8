namespace Hindsight.Preferences;

/// <summary>What <see cref="PreferenceStudy"/> measured after some iterations, for the last iterate and for the average
/// of the iterates so far.</summary>
/// <param name="Iteration">Iterations run.</param>
/// <param name="DualityGap">Duality gap of the β-regularized game (<see cref="PreferenceGame.DualityGap"/>), last iterate.</param>
/// <param name="AverageDualityGap">The same for the average policy.</param>
/// <param name="KlToNash">KL(π*_β ‖ πₜ) (to the minimax winner when β = 0), last iterate.</param>
/// <param name="AverageKlToNash">The same for the average policy.</param>
/// <param name="WinRateAgainstMinimaxWinner">P(πₜ ≻ minimax winner) (at most ½), last iterate.</param>
/// <param name="AverageWinRateAgainstMinimaxWinner">The same for the average policy.</param>
public sealed record PreferenceCheckpoint(
    long Iteration,
    double DualityGap,
    double AverageDualityGap,
    double KlToNash,
    double AverageKlToNash,
    double WinRateAgainstMinimaxWinner,
    double AverageWinRateAgainstMinimaxWinner);
