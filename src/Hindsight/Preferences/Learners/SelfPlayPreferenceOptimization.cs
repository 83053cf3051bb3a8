namespace Hindsight.Preferences.Learners;

/// <summary>
/// Self-play preference optimization (SPO; Swamy et al., "A minimaximalist approach to reinforcement learning from human
/// feedback", ICML 2024): each response's reward is its win rate against the current policy, P(y ≻ πₜ), and a no-regret
/// learner — multiplicative weights here, log π_{t+1} = log πₜ + η (P(· ≻ πₜ) − ½), the update SPPO also uses — plays
/// against itself. No KL term: the time-average approaches the minimax winner (β = 0) at the no-regret rate while the
/// last iterate cycles on intransitive preferences.
/// </summary>
/// <param name="eta">η &gt; 0.</param>
public sealed class SelfPlayPreferenceOptimization(double eta = 0.1) : PreferenceLearner
{
    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double[] v = WinRates(prompt, Probabilities(logPolicy));
        for (int y = 0; y < logPolicy.Length; y++)
        {
            logPolicy[y] += eta * (v[y] - 0.5);
        }
    }
}
