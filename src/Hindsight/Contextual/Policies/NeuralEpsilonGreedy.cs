using Hindsight.Contextual.Oracles;
using Hindsight.Exploration;

namespace Hindsight.Contextual.Policies;

/// <summary>
/// ε-greedy over the same perturbed one-hidden-layer network on square loss as <see cref="NeuSquareCb"/>: ε/K on
/// every arm and the rest on the arm of least predicted cost — the baseline of the neural contextual bandit papers.
/// </summary>
/// <remarks>With fixed ε the regret is at least ε T (1 − 1/K) times the average gap: linear.</remarks>
public sealed class NeuralEpsilonGreedy : NeuralPolicy
{
    private readonly float _epsilon;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="epsilon">Exploration probability ε ∈ [0, 1].</param>
    /// <param name="width">Hidden width m.</param>
    /// <param name="learningRate">Step size η.</param>
    /// <param name="perturbation">Perturbation scale σ.</param>
    public NeuralEpsilonGreedy(int arms, double epsilon = 0.05, int width = 32, double learningRate = 0.5, double perturbation = 0.1)
        : base(arms, width, RegressionLoss.Square, learningRate, perturbation)
    {
        if (!(epsilon >= 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must lie in [0, 1].");
        }

        _epsilon = (float)epsilon;
    }

    private protected override void Distribution(ReadOnlySpan<float> costs, long round, Span<float> pmf)
        => Explore.EpsilonGreedy(costs, _epsilon, pmf);
}
