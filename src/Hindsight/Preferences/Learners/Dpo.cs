namespace Hindsight.Preferences.Learners;

/// <summary>
/// Direct preference optimization (DPO; Rafailov et al., NeurIPS 2023): ℓ(d) = −log σ(β d) on the implicit-reward
/// margin d = h_w − h_l, offline (pairs from μ) or online (pairs from the current policy; Guo et al., "Direct language
/// model alignment from online AI feedback", 2024). Offline DPO's minimizer is the Bradley–Terry fit turned into a policy,
/// π ∝ μ exp(r̂/β): on intransitive preferences it settles on responses that the preference cycle beats.
/// </summary>
/// <param name="eta">Gradient step η &gt; 0.</param>
/// <param name="online">Pairs from the current policy.</param>
public class Dpo(double eta = 20, bool online = false) : PairwiseLossLearner(eta, online)
{
    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        if (!(beta > 0))
        {
            throw new ArgumentException("DPO needs β > 0.", nameof(beta));
        }

        base.Reset(game, beta);
    }

    /// <inheritdoc />
    protected override double Loss(double margin)
    {
        double z = -Beta * margin; // softplus(z) = log(1 + e^z), stably
        return z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
    }

    /// <inheritdoc />
    protected override double Slope(double margin) => Gradient(Beta, margin);

    /// <summary>d/dd of −log σ(β d): −β σ(−β d).</summary>
    internal static double Gradient(double beta, double margin) => -beta / (1 + Math.Exp(beta * margin));
}
