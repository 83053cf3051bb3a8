namespace Hindsight.Preferences.Learners;

/// <summary>
/// Extragradient preference optimization (EGPO; Zhou et al., "Extragradient preference optimization (EGPO): beyond
/// last-iterate convergence for Nash learning from human feedback", 2025), on the entropy-regularized extragradient of
/// Cen et al. ("Fast policy extragradient methods for competitive games with entropy regularization", NeurIPS 2021):
/// log π_{t+½} = (1 − ηβ) log πₜ + ηβ log μ + η P(· ≻ πₜ), then
/// log π_{t+1} = (1 − ηβ) log πₜ + ηβ log μ + η P(· ≻ π_{t+½}). Linear last-iterate convergence to the β-regularized Nash
/// policy, at rate (1 − ηβ) per iteration, for ηβ &lt; 1 and η below a constant over the payoffs' scale.
/// </summary>
/// <param name="eta">η &gt; 0 with ηβ &lt; 1.</param>
public sealed class Egpo(double eta = 0.5) : PreferenceLearner
{
    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        if (eta * beta >= 1)
        {
            throw new ArgumentException($"EGPO needs ηβ < 1 (η = {eta}, β = {beta}).", nameof(beta));
        }

        base.Reset(game, beta);
    }

    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double[] half = Proximal.Geometric(logPolicy, LogReference[prompt], WinRates(prompt, Probabilities(logPolicy)), eta, Beta);
        double[] next = Proximal.Geometric(logPolicy, LogReference[prompt], WinRates(prompt, Probabilities(half)), eta, Beta);
        next.CopyTo(logPolicy, 0);
    }
}
