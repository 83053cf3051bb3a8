using MathNet.Numerics.LinearAlgebra;
using LinearVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Hindsight.Preferences.Learners;

/// <summary>
/// The reward-model baseline with a linear reward r(x, y) = wᵀφ(x, y): maximum likelihood of the Bradley–Terry model on
/// reference pairs of every training prompt (Newton's method on w), then the KL-regularized policy π ∝ μ exp(wᵀφ/β), i.e.
/// θ = w/β. Done at the reset; steps change nothing. (<see cref="BradleyTerryPolicy"/> is the one-hot-feature case,
/// fitted per prompt with a sparse Newton step: the dense one here would cost n⁴ per prompt.)
/// </summary>
public sealed class LogLinearBradleyTerry : LogLinearLearner
{
    /// <summary>The fitted reward weights w.</summary>
    public IReadOnlyList<double> RewardWeights { get; private set; } = [];

    /// <inheritdoc />
    public override void Reset(PreferenceGame game, double beta)
    {
        base.Reset(game, beta);
        int d = game.FeatureDimension;
        // The pairs, their weights, labels and feature differences, once (Newton revisits them every iteration).
        var pairs = new List<(double Weight, double Label, LinearVector Delta)>();
        for (int x = 0; x < game.Prompts; x++)
        {
            ReadOnlySpan<double> mu = game.ReferenceOf(x);
            for (int a = 0; a < mu.Length; a++)
            {
                for (int b = a + 1; b < mu.Length; b++)
                {
                    double weight = game.Weight(x) * 2 * mu[a] * mu[b];
                    if (weight != 0)
                    {
                        pairs.Add((weight, game.Preference(x, a, b), LinearVector.Build.DenseOfArray([.. game.Feature(x, a)]) - LinearVector.Build.DenseOfArray([.. game.Feature(x, b)])));
                    }
                }
            }
        }

        var w = LinearVector.Build.Dense(d);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var gradient = LinearVector.Build.Dense(d);
            var hessian = Matrix<double>.Build.Dense(d, d);
            foreach ((double weight, double label, LinearVector delta) in pairs)
            {
                double sigma = 1 / (1 + Math.Exp(-w.DotProduct(delta)));
                gradient += weight * (label - sigma) * delta;
                hessian += weight * sigma * (1 - sigma) * delta.OuterProduct(delta);
            }

            if (gradient.AbsoluteMaximum() < 1e-14)
            {
                break;
            }

            w += (hessian + Matrix<double>.Build.DenseDiagonal(d, d, 1e-12)).Solve(gradient);
        }

        RewardWeights = [.. w];
        for (int k = 0; k < d; k++)
        {
            Theta[k] = w[k] / beta;
        }
    }

    /// <inheritdoc />
    public override void Step()
    {
    }
}
