namespace Hindsight.Bandits;

/// <summary>
/// The oracle view of one run of an environment: every arm's realized reward and mean at every round. Only
/// the runner (to hand the pulled arm's reward to the learner) and regret meters read it.
/// </summary>
/// <remarks>Every member is a pure function of its arguments for a given realization, so meters and the runner
/// can ask for the same (round, arm) and get the same number (common random numbers).</remarks>
public interface IBanditOracle
{
    /// <summary>The number of arms K.</summary>
    int Arms { get; }

    /// <summary>True when means do not depend on the round.</summary>
    bool IsStationary { get; }

    /// <summary>The realized reward of an arm at a round (1-based).</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <param name="arm">The arm.</param>
    /// <returns>Xₜ,ₐ.</returns>
    double Reward(long round, int arm);

    /// <summary>The mean (expected reward) of an arm at a round.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <param name="arm">The arm.</param>
    /// <returns>μₜ,ₐ.</returns>
    double Mean(long round, int arm);

    /// <summary>The largest mean at a round, maxₐ μₜ,ₐ.</summary>
    /// <param name="round">The round t ≥ 1.</param>
    /// <returns>μ*ₜ.</returns>
    double BestMean(long round);
}
