namespace Hindsight.Preferences.Learners;

/// <summary>
/// DPO with a log-linear policy (Rafailov et al. 2023): gradient steps on θ for the population loss
/// Σ_x ρ(x) Σ_{y≠y'} s(y) s(y') P(y ≻ y' | x) · −log σ(β θᵀ(φ_y − φ_{y'})), pairs from the reference (offline) or from
/// the current policy (online). Offline, its minimizer is the log-linear Bradley–Terry fit divided by β.
/// </summary>
/// <param name="eta">Gradient step η &gt; 0.</param>
/// <param name="online">Pairs from the current policy.</param>
public sealed class LogLinearDpo(double eta = 20, bool online = false) : LogLinearLearner
{
    /// <inheritdoc />
    public override void Step()
    {
        double[] g = new double[Theta.Length];
        for (int x = 0; x < Game.Prompts; x++)
        {
            double rho = Game.Weight(x);
            if (rho == 0)
            {
                continue;
            }

            double[] s = online ? Probabilities(Game, x) : Game.ReferenceOf(x).ToArray();
            double[] score = new double[s.Length], coefficient = new double[s.Length];
            for (int y = 0; y < s.Length; y++)
            {
                score[y] = Dot(Theta, Game.Feature(x, y)); // θᵀφ_y once per response, not once per pair
            }

            for (int a = 0; a < s.Length; a++)
            {
                for (int b = 0; b < s.Length; b++)
                {
                    if (a != b)
                    {
                        // ∂/∂θ of −log σ(β d), d = θᵀ(φ_a − φ_b): −β σ(−β d) (φ_a − φ_b); collected per response.
                        double w = rho * s[a] * s[b] * Game.Preference(x, a, b) * Dpo.Gradient(Beta, score[a] - score[b]);
                        coefficient[a] += w;
                        coefficient[b] -= w;
                    }
                }
            }

            for (int y = 0; y < s.Length; y++)
            {
                ReadOnlySpan<double> f = Game.Feature(x, y);
                for (int k = 0; k < g.Length; k++)
                {
                    g[k] += coefficient[y] * f[k];
                }
            }
        }

        for (int k = 0; k < g.Length; k++)
        {
            Theta[k] -= eta * g[k];
        }
    }
}
