namespace Hindsight.Preferences.Learners;

/// <summary>
/// Nash mirror descent (Nash-MD; Munos et al., "Nash learning from human feedback", ICML 2024): the geometric mixture
/// πₜ^μ ∝ πₜ^(1 − ηβ) μ^(ηβ), then π_{t+1} ∝ πₜ^μ exp(η P(· ≻ πₜ^μ)). With ηₜ = 1/(β(t + 2)) (the paper's schedule,
/// used when η = 0) KL(π*_β‖πₜ) = O(1/t); a fixed η stops at a neighbourhood of π*_β of size O(η).
/// </summary>
/// <param name="eta">η &gt; 0 fixed with ηβ &lt; 1, or 0 for ηₜ = 1/(β(t + 2)).</param>
public sealed class NashMd(double eta = 0) : PreferenceLearner
{
    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        if (eta == 0 && !(beta > 0))
        {
            throw new ArgumentException("Nash-MD's schedule ηₜ = 1/(β(t + 2)) needs β > 0.", nameof(beta));
        }

        if (eta * beta >= 1)
        {
            throw new ArgumentException($"Nash-MD needs ηβ < 1 for its geometric mixture (η = {eta}, β = {beta}).", nameof(beta));
        }

        base.Reset(game, beta);
    }

    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double rate = eta > 0 ? eta : 1 / (Beta * (Iteration + 2));
        double[] mixture = Proximal.Geometric(logPolicy, LogReference[prompt], new double[logPolicy.Length], rate, Beta);
        Normalize(mixture);
        double[] v = WinRates(prompt, Probabilities(mixture));
        for (int y = 0; y < logPolicy.Length; y++)
        {
            logPolicy[y] = mixture[y] + (rate * v[y]);
        }
    }
}
