namespace Hindsight.Preferences.Learners;

/// <summary>
/// The DPO family: gradient descent on a loss of preference pairs, ℓ(h_w − h_l) with the implicit reward
/// h = log π − log μ of the preferred (w) and the other (l) response. A pair (y, y') is drawn from the reference policy
/// (offline: μ × μ, a fixed data set) or from the current policy (online: πₜ × πₜ, the pairs' distribution held fixed
/// within the step) and labelled by P; an iteration takes the expected gradient over pairs, so the learner follows the
/// population loss. Tabular logits: the gradient in log π is the gradient in h.
/// </summary>
public abstract class PairwiseLossLearner : PreferenceLearner
{
    /// <summary>Sets the step size and where pairs come from.</summary>
    /// <param name="eta">Gradient step η &gt; 0.</param>
    /// <param name="online">Pairs from the current policy instead of the reference.</param>
    protected PairwiseLossLearner(double eta, bool online)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eta);
        Eta = eta;
        Online = online;
    }

    /// <summary>η.</summary>
    protected double Eta { get; }

    /// <summary>Whether pairs come from the current policy.</summary>
    protected bool Online { get; }

    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
        double[] g = Online ? Gradient(prompt, logPolicy, Probabilities(logPolicy)) : Gradient(prompt, logPolicy, Game.ReferenceOf(prompt));
        for (int y = 0; y < logPolicy.Length; y++)
        {
            logPolicy[y] -= Eta * g[y];
        }
    }

    /// <summary>The loss of one pair as a function of the margin d = h_w − h_l.</summary>
    /// <param name="margin">d.</param>
    /// <returns>ℓ(d).</returns>
    protected abstract double Loss(double margin);

    /// <summary>ℓ'(d).</summary>
    /// <param name="margin">d.</param>
    /// <returns>The loss's slope.</returns>
    protected abstract double Slope(double margin);

    /// <summary>The expected loss over pairs drawn from <paramref name="sampling"/> and labelled by P.</summary>
    /// <param name="prompt">x.</param>
    /// <param name="logPolicy">log π(· | x).</param>
    /// <param name="sampling">The distribution each response of a pair is drawn from.</param>
    /// <returns>E ℓ(h_w − h_l).</returns>
    protected double ExpectedLoss(int prompt, double[] logPolicy, ReadOnlySpan<double> sampling)
    {
        double total = 0;
        double[] logMu = LogReference[prompt];
        for (int a = 0; a < logPolicy.Length; a++)
        {
            for (int b = 0; b < logPolicy.Length; b++)
            {
                if (a != b)
                {
                    double d = logPolicy[a] - logMu[a] - (logPolicy[b] - logMu[b]);
                    total += sampling[a] * sampling[b] * Game.Preference(prompt, a, b) * Loss(d);
                }
            }
        }

        return total;
    }

    /// <summary>The gradient of <see cref="ExpectedLoss"/> in log π (estimated from <see cref="PreferenceLearner.Samples"/>
    /// labelled pairs when that is positive).</summary>
    /// <param name="prompt">x.</param>
    /// <param name="logPolicy">log π(· | x).</param>
    /// <param name="sampling">The distribution each response of a pair is drawn from.</param>
    /// <returns>∂/∂ log π.</returns>
    protected double[] Gradient(int prompt, double[] logPolicy, ReadOnlySpan<double> sampling)
    {
        double[] g = new double[logPolicy.Length];
        double[] logMu = LogReference[prompt];
        if (Samples > 0)
        {
            // n ordered pairs (a, b) ~ sampling², each labelled by one duel; a pair's gradient of ℓ(h_winner − h_loser)
            // has expectation twice the exact sum over ordered pairs below, hence the ½.
            for (int k = 0; k < Samples; k++)
            {
                int a = Draw(sampling), b = Draw(sampling);
                if (a == b)
                {
                    continue;
                }

                (int w, int l) = Duel(prompt, a, b) ? (a, b) : (b, a);
                double d = logPolicy[w] - logMu[w] - (logPolicy[l] - logMu[l]);
                double s = Slope(d) / (2.0 * Samples);
                g[w] += s;
                g[l] -= s;
            }

            return g;
        }

        for (int a = 0; a < logPolicy.Length; a++)
        {
            for (int b = 0; b < logPolicy.Length; b++)
            {
                if (a == b)
                {
                    continue;
                }

                double d = logPolicy[a] - logMu[a] - (logPolicy[b] - logMu[b]);
                double s = sampling[a] * sampling[b] * Game.Preference(prompt, a, b) * Slope(d);
                g[a] += s;
                g[b] -= s;
            }
        }

        return g;
    }
}
