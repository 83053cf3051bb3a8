namespace Hindsight.Dueling;

/// <summary>Cumulative regrets of a dueling run after some rounds.</summary>
/// <param name="Round">t.</param>
/// <param name="CondorcetRegret">Σ (ε(a*, aₜ) + ε(a*, bₜ))/2 with ε(i, j) = P(i ≻ j) − ½ and a* the Condorcet winner
/// (Yue et al. 2012, average regret); NaN when there is no Condorcet winner.</param>
/// <param name="CopelandRegret">Σ ζ* − (ζ(aₜ) + ζ(bₜ))/2 with ζ the normalized Copeland score (Zoghi et al., "Copeland
/// dueling bandits", NeurIPS 2015).</param>
/// <param name="WinnerFraction">The fraction of rounds so far in which both arms were a Copeland winner.</param>
public sealed record DuelingCheckpoint(long Round, double CondorcetRegret, double CopelandRegret, double WinnerFraction);
