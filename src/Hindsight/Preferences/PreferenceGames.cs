using Hindsight.Numerics;
using MathNet.Numerics.Distributions;

namespace Hindsight.Preferences;

/// <summary>Generators of preference games, reproducible from a seed.</summary>
public static class PreferenceGames
{
    /// <summary>
    /// Preferences with a transitive and a cyclic part: for responses 0 … n − 1 of each prompt,
    /// P(y ≻ y') = σ(τ (s_y − s_{y'}) + c · sin(2π (y − y')/n)) with scores s ~ N(0, 1). The sine term is antisymmetric and
    /// sums to zero around the circle, so no reward explains it: for c large against τ the preferences are intransitive
    /// (y beats the responses just before it on the circle and loses to those just after), and a Bradley–Terry fit misses them. The
    /// reference policy is softmax(spread · g) with g ~ N(0, 1).
    /// </summary>
    /// <param name="prompts">Number of prompts (≥ 1).</param>
    /// <param name="responses">Responses per prompt (≥ 2).</param>
    /// <param name="cycle">c ≥ 0, the strength of the cycle.</param>
    /// <param name="transitive">τ ≥ 0, the weight of the scores.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="spread">How far the reference policy is from uniform (0: uniform).</param>
    /// <returns>The game.</returns>
    public static PreferenceGame Intransitive(int prompts, int responses, double cycle, double transitive, ulong seed, double spread = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prompts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(responses, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(cycle);
        ArgumentOutOfRangeException.ThrowIfNegative(transitive);
        var rng = new SeededRandom(seed);
        var preferences = new double[prompts][,];
        var reference = new double[prompts][];
        for (int x = 0; x < prompts; x++)
        {
            double[] scores = [.. Enumerable.Range(0, responses).Select(_ => Normal.Sample(rng, 0, 1))];
            double[] logits = [.. Enumerable.Range(0, responses).Select(_ => spread * Normal.Sample(rng, 0, 1))];
            preferences[x] = Cyclic(scores, cycle, transitive);
            reference[x] = new double[responses];
            TabularPolicy.Softmax(logits, reference[x]);
        }

        return new PreferenceGame(preferences, reference);
    }

    /// <summary>
    /// Preferences over responses described by context features: φ(x, y) ~ N(0, I_d), a hidden reward s(x, y) = w*ᵀφ(x, y)
    /// with w* ~ N(0, I_d/d) drawn from <paramref name="seed"/>, and P(y ≻ y') = σ(τ (s_y − s_{y'}) + c·sin(2π (y − y')/n)).
    /// The transitive part is linear in the features, so a log-linear policy can learn it on some prompts and carry it to
    /// new ones; the cyclic part is not. Prompts and features come from <paramref name="promptSeed"/>: two games with the
    /// same <paramref name="seed"/> and different prompt seeds share w* (a training and a held-out set).
    /// </summary>
    /// <param name="prompts">Number of prompts (≥ 1).</param>
    /// <param name="responses">Responses per prompt (≥ 2).</param>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="cycle">c ≥ 0.</param>
    /// <param name="transitive">τ ≥ 0.</param>
    /// <param name="seed">The seed of w*.</param>
    /// <param name="promptSeed">The seed of the prompts' features and reference policies.</param>
    /// <param name="spread">How far the reference policy is from uniform.</param>
    /// <returns>The game.</returns>
    public static PreferenceGame Contextual(int prompts, int responses, int dimension, double cycle, double transitive, ulong seed, ulong promptSeed, double spread = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prompts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(responses, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(cycle);
        ArgumentOutOfRangeException.ThrowIfNegative(transitive);
        var hidden = new SeededRandom(seed);
        double[] w = [.. Enumerable.Range(0, dimension).Select(_ => Normal.Sample(hidden, 0, 1 / Math.Sqrt(dimension)))];
        var rng = new SeededRandom(promptSeed ^ 0x9E3779B97F4A7C15UL);
        var preferences = new double[prompts][,];
        var reference = new double[prompts][];
        var features = new IReadOnlyList<double[]>[prompts];
        for (int x = 0; x < prompts; x++)
        {
            double[][] phi = [.. Enumerable.Range(0, responses).Select(_ => Enumerable.Range(0, dimension).Select(_ => Normal.Sample(rng, 0, 1)).ToArray())];
            double[] scores = [.. phi.Select(f => f.Zip(w, (a, b) => a * b).Sum())];
            double[] logits = [.. Enumerable.Range(0, responses).Select(_ => spread * Normal.Sample(rng, 0, 1))];
            preferences[x] = Cyclic(scores, cycle, transitive);
            reference[x] = new double[responses];
            TabularPolicy.Softmax(logits, reference[x]);
            features[x] = phi;
        }

        return new PreferenceGame(preferences, reference, features: features);
    }

    /// <summary>P(a ≻ b) = σ(τ (s_a − s_b) + c·sin(2π (a − b)/n)), ½ on the diagonal.</summary>
    private static double[,] Cyclic(double[] scores, double cycle, double transitive)
    {
        int n = scores.Length;
        var p = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            for (int b = a; b < n; b++)
            {
                double margin = (transitive * (scores[a] - scores[b])) + (cycle * Math.Sin(2 * Math.PI * (a - b) / n));
                p[a, b] = a == b ? 0.5 : 1 / (1 + Math.Exp(-margin));
                p[b, a] = 1 - p[a, b];
            }
        }

        return p;
    }
}
