namespace Hindsight.Preferences.Learners;

/// <summary>
/// Iterative Nash policy optimization (INPO; Zhang et al., "Iterative Nash policy optimization: aligning LLMs with
/// general preferences via no-regret learning", 2024): online mirror descent on the β-regularized game against the
/// current policy, π_{t+1} = argmax_π η P(π ≻ πₜ) − ηβ KL(π‖μ) − KL(π‖πₜ), i.e.
/// log π_{t+1} ∝ (log πₜ + ηβ log μ + η P(· ≻ πₜ))/(1 + ηβ) — the paper reaches the same step through a loss on sampled
/// pairs; here it is taken exactly. One step per iteration (no extrapolation): converges for β &gt; 0 and small η, more
/// slowly than the two-step methods.
/// </summary>
/// <param name="eta">η &gt; 0.</param>
public sealed class Inpo(double eta = 0.5) : PreferenceLearner
{
    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
        => Proximal.Step(logPolicy, LogReference[prompt], WinRates(prompt, Probabilities(logPolicy)), eta, Beta).CopyTo(logPolicy, 0);
}
