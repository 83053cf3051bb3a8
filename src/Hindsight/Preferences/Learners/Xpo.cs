namespace Hindsight.Preferences.Learners;

/// <summary>
/// Exploratory preference optimization (XPO; Xie et al., "Exploratory preference optimization: harnessing implicit
/// Q*-approximation for sample-efficient RLHF", 2024): online DPO plus the exploration bonus α E_{ỹ~μ} log π(ỹ) added to
/// the loss, which lowers the probability of responses the reference already covers and so moves the policy beyond the
/// reference's support. Gradient of the bonus in log π: α (μ − π).
/// </summary>
/// <param name="eta">Gradient step η &gt; 0.</param>
/// <param name="alpha">The bonus weight α ≥ 0.</param>
public sealed class Xpo(double eta = 20, double alpha = 1e-3) : Dpo(eta, online: true)
{
    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double[] p = Probabilities(logPolicy);
        ReadOnlySpan<double> mu = Game.ReferenceOf(prompt);
        base.Update(prompt, logPolicy);
        for (int y = 0; y < logPolicy.Length; y++)
        {
            logPolicy[y] -= Eta * alpha * (mu[y] - p[y]);
        }
    }
}
