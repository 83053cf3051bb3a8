using MathNet.Numerics.LinearAlgebra;
using LinearVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Hindsight.Preferences.Learners;

/// <summary>
/// The reward-model baseline (RLHF's two stages, exactly): fit a Bradley–Terry reward r̂ by maximum likelihood to pairs
/// from the reference policy labelled by P — maximize Σ_{y≠y'} μ(y) μ(y') P(y ≻ y') log σ(r̂_y − r̂_{y'}) by Newton's
/// method — then take the KL-regularized optimal policy for that reward, π ∝ μ exp(r̂/β). Done at the reset;
/// <see cref="IPreferenceLearner.Step"/> changes nothing. Equal to offline DPO's population minimizer (the same
/// likelihood in the reparametrization r = β log π/μ).
/// </summary>
public sealed class BradleyTerryPolicy : PreferenceLearner
{
    /// <summary>The fitted rewards per prompt (centred).</summary>
    public IReadOnlyList<double[]> Rewards { get; private set; } = [];

    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        if (!(beta > 0))
        {
            throw new ArgumentException("The KL-regularized policy of a reward needs β > 0.", nameof(beta));
        }

        base.Reset(game, beta);
        var rewards = new double[game.Prompts][];
        for (int x = 0; x < game.Prompts; x++)
        {
            rewards[x] = Fit(game, x);
            for (int y = 0; y < rewards[x].Length; y++)
            {
                LogPolicy[x][y] = LogReference[x][y] + (rewards[x][y] / beta);
            }

            Normalize(LogPolicy[x]);
        }

        Rewards = rewards;
    }

    /// <inheritdoc />
    protected override void Update(int prompt, double[] logPolicy)
    {
    }

    private static double[] Fit(PreferenceGame game, int x)
    {
        int n = game.Responses(x);
        ReadOnlySpan<double> mu = game.ReferenceOf(x);
        double[] r = new double[n];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var gradient = LinearVector.Build.Dense(n);
            var hessian = Matrix<double>.Build.Dense(n, n);
            for (int a = 0; a < n; a++)
            {
                for (int b = a + 1; b < n; b++)
                {
                    double w = 2 * mu[a] * mu[b]; // both orders of the pair
                    double s = 1 / (1 + Math.Exp(-(r[a] - r[b])));
                    double g = w * (game.Preference(x, a, b) - s);
                    gradient[a] += g;
                    gradient[b] -= g;
                    double h = w * s * (1 - s);
                    hessian[a, a] += h;
                    hessian[b, b] += h;
                    hessian[a, b] -= h;
                    hessian[b, a] -= h;
                }
            }

            if (gradient.AbsoluteMaximum() < 1e-14)
            {
                break;
            }

            // The likelihood ignores a common shift: pin it with a tiny ridge and centre afterwards.
            LinearVector step = (hessian + Matrix<double>.Build.DenseDiagonal(n, n, 1e-12)).Solve(gradient);
            for (int y = 0; y < n; y++)
            {
                r[y] += step[y];
            }
        }

        double mean = r.Average();
        return [.. r.Select(v => v - mean)];
    }
}
