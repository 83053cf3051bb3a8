namespace Hindsight.Experts.Policies;

/// <summary>
/// Fictitious play (Brown 1951; Robinson 1951) as a full-information learner: play a best response to the cumulative
/// rewards so far — uniform over the maximizers (follow the leader, ties shared), which is exponential weights with
/// η = +∞. In two-player zero-sum games the empirical averages converge to an equilibrium (Robinson 1951); from generic
/// starts on Shapley's 3×3 game they cycle with ever longer runs and do not converge (Shapley 1964).
/// </summary>
/// <remarks>Not a no-regret learner against an adversary (follow the leader has linear worst-case regret).</remarks>
public sealed class FictitiousPlay : ExponentialWeights
{
    private readonly double[]? _hint;

    /// <summary>Creates the learner.</summary>
    /// <param name="experts">K ≥ 1.</param>
    /// <param name="initialRewards">Rewards counted before the first round (Brown's initial play; null: none, so the
    /// first round is uniform over every expert).</param>
    public FictitiousPlay(int experts, IReadOnlyList<double>? initialRewards = null)
        : base(experts)
    {
        if (initialRewards is not null)
        {
            if (initialRewards.Count != experts || initialRewards.Any(r => !double.IsFinite(r)))
            {
                throw new ArgumentException($"The initial rewards need {experts} finite numbers.", nameof(initialRewards));
            }

            _hint = [.. initialRewards.Select(r => -r)]; // losses are negated rewards
        }
    }

    private protected override double Eta() => double.PositiveInfinity;

    private protected override ReadOnlySpan<double> Hint() => _hint;
}
