using Hindsight.Contextual.Policies;

namespace Hindsight.Groupwise;

/// <summary>
/// Online regression with groupwise regret guarantees by the sleeping-experts reduction of Acharya, Balan, Kearns and
/// Roth ("Oracle Efficient Algorithms for Groupwise Regret", ICLR 2024; after Blum and Lykouris 2020): one online linear
/// regression oracle per group, trained only on its group's rows, plus one on every row; each round the experts of the
/// groups the row belongs to (and the always-awake one) are combined by exponential weights for sleeping experts
/// (Freund, Schapire, Singer and Warmuth 1997): ŷ = Σ_{g awake} w_g ŷ_g / Σ_{g awake} w_g, then for awake g,
/// w_g ← w_g e^(−η ℓ_g) · Σ_awake w / Σ_awake w e^(−η ℓ), with square loss on [0, 1] and η = 1/2 (its exp-concavity).
/// </summary>
/// <remarks>Groupwise regret: on the rows of any group g, the learner's cumulative loss exceeds that of g's own oracle by
/// at most ln(G + 1)/η, and the oracle's regret is O(d log T) (ridge regression, Vovk–Azoury–Warmuth) — so the learner
/// competes with the best linear model of every group at once. The oracles are ridge regressions (λ given).</remarks>
public sealed class GroupwiseRegression
{
    private const double Eta = 0.5;
    private readonly RidgeArms _oracles;
    private readonly double[] _logWeights;
    private readonly int[] _awake;
    private readonly double[] _predictions;

    /// <summary>Creates the learner.</summary>
    /// <param name="groups">Number of groups G ≥ 0 (expert G is the always-awake one).</param>
    /// <param name="lambda">Ridge λ &gt; 0 of the oracles.</param>
    public GroupwiseRegression(int groups, double lambda = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groups);
        Groups = groups;
        _oracles = new RidgeArms(groups + 1, lambda);
        _logWeights = new double[groups + 1];
        _awake = new int[groups + 1];
        _predictions = new double[groups + 1];
    }

    /// <summary>The number of groups G.</summary>
    public int Groups { get; }

    /// <summary>The prediction of the plain online regression (the oracle trained on every row) for x.</summary>
    public double Plain(ReadOnlySpan<double> x) => Expert(Groups, x);

    /// <summary>The prediction of one group's own oracle for x (<see cref="Groups"/>: the oracle of every row).</summary>
    public double Expert(int group, ReadOnlySpan<double> x)
    {
        _oracles.Ensure(x.Length);
        return Math.Clamp(_oracles.Mean(group, x), 0, 1);
    }

    /// <summary>The groupwise prediction for a row in the given groups.</summary>
    /// <param name="x">Features.</param>
    /// <param name="groups">The row's groups (indices below <see cref="Groups"/>).</param>
    /// <returns>ŷ ∈ [0, 1].</returns>
    public double Predict(ReadOnlySpan<double> x, ReadOnlySpan<int> groups)
    {
        int n = Awake(groups);
        _oracles.Ensure(x.Length);
        double max = double.NegativeInfinity;
        for (int k = 0; k < n; k++)
        {
            max = Math.Max(max, _logWeights[_awake[k]]);
        }

        double total = 0, mix = 0;
        for (int k = 0; k < n; k++)
        {
            int g = _awake[k];
            _predictions[g] = Math.Clamp(_oracles.Mean(g, x), 0, 1);
            double w = Math.Exp(_logWeights[g] - max);
            total += w;
            mix += w * _predictions[g];
        }

        return mix / total;
    }

    /// <summary>Learns a row's target (after <see cref="Predict"/> for the same row).</summary>
    /// <param name="x">Features.</param>
    /// <param name="groups">The row's groups.</param>
    /// <param name="target">y ∈ [0, 1].</param>
    public void Learn(ReadOnlySpan<double> x, ReadOnlySpan<int> groups, double target)
    {
        Predict(x, groups); // the awake experts' predictions for this row
        int n = Awake(groups);
        double max = double.NegativeInfinity;
        for (int k = 0; k < n; k++)
        {
            max = Math.Max(max, _logWeights[_awake[k]]);
        }

        // Renormalize so the awake experts keep their total weight: Σ w (before) / Σ w e^(−ηℓ).
        double before = 0, after = 0;
        for (int k = 0; k < n; k++)
        {
            int g = _awake[k];
            double loss = (_predictions[g] - target) * (_predictions[g] - target);
            double w = Math.Exp(_logWeights[g] - max);
            before += w;
            after += w * Math.Exp(-Eta * loss);
        }

        double shift = Math.Log(before / after);
        for (int k = 0; k < n; k++)
        {
            int g = _awake[k];
            double loss = (_predictions[g] - target) * (_predictions[g] - target);
            _logWeights[g] += shift - (Eta * loss);
            _oracles.Add(g, x, target);
        }
    }

    private int Awake(ReadOnlySpan<int> groups)
    {
        int n = 0;
        foreach (int g in groups)
        {
            if ((uint)g >= (uint)Groups)
            {
                throw new ArgumentOutOfRangeException(nameof(groups), $"group {g} is not in 0..{Groups - 1}");
            }

            _awake[n++] = g;
        }

        _awake[n++] = Groups; // always awake
        return n;
    }
}
