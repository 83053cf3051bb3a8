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
    /// (y beats the responses just after it and loses to those just before), and a Bradley–Terry fit misses them. The
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
            var p = new double[responses, responses];
            for (int a = 0; a < responses; a++)
            {
                for (int b = a; b < responses; b++)
                {
                    double margin = (transitive * (scores[a] - scores[b])) + (cycle * Math.Sin(2 * Math.PI * (a - b) / responses));
                    p[a, b] = a == b ? 0.5 : 1 / (1 + Math.Exp(-margin));
                    p[b, a] = 1 - p[a, b];
                }
            }

            preferences[x] = p;
            reference[x] = new double[responses];
            TabularPolicy.Softmax(logits, reference[x]);
        }

        return new PreferenceGame(preferences, reference);
    }
}
