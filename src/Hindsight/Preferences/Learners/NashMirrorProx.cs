namespace Hindsight.Preferences.Learners;

/// <summary>
/// Nash mirror prox (Nash-MP; Tiapkin et al., "Accelerating Nash learning from human feedback via mirror prox", 2025):
/// two proximal steps per iteration on the β-regularized preference game,
/// π_{t+½} = argmax_π η P(π ≻ πₜ) − ηβ KL(π‖μ) − KL(π‖πₜ) and
/// π_{t+1} = argmax_π η P(π ≻ π_{t+½}) − ηβ KL(π‖μ) − KL(π‖πₜ), in closed form
/// log π ∝ (log πₜ + ηβ log μ + η P(· ≻ π'))/(1 + ηβ). Its last iterate converges linearly to the β-regularized Nash
/// policy, KL(π*‖πₜ) ≤ (1 + ηβ)^(−t)·KL(π*‖π₀) for η ≤ 1/2 (the paper's Theorem 1 rate, up to constants).
/// </summary>
/// <param name="eta">η &gt; 0.</param>
public sealed class NashMirrorProx(double eta = 0.5) : PreferenceLearner
{
    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double[] half = Proximal.Step(logPolicy, LogReference[prompt], WinRates(prompt, Probabilities(logPolicy)), eta, Beta);
        double[] next = Proximal.Step(logPolicy, LogReference[prompt], WinRates(prompt, Probabilities(half)), eta, Beta);
        next.CopyTo(logPolicy, 0);
    }
}
