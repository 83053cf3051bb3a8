namespace Hindsight.Preferences;

/// <summary>A policy over a finite response set per prompt: π(· | x) for every prompt x.</summary>
public sealed class TabularPolicy
{
    private readonly double[][] _p;

    /// <summary>Wraps one probability vector per prompt (copied).</summary>
    /// <param name="probabilities">π(· | x) for each prompt x; each non-negative, summing to 1.</param>
    public TabularPolicy(IEnumerable<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        _p = [.. probabilities.Select(p => (double[])p.Clone())];
    }

    /// <summary>The number of prompts.</summary>
    public int Prompts => _p.Length;

    /// <summary>π(· | x).</summary>
    /// <param name="prompt">x.</param>
    /// <returns>The probabilities (read-only view).</returns>
    public ReadOnlySpan<double> this[int prompt] => _p[prompt];

    /// <summary>The policy from log-probabilities up to a constant per prompt (a softmax of each row).</summary>
    /// <param name="logits">One row of logits per prompt.</param>
    /// <returns>The policy.</returns>
    public static TabularPolicy FromLogits(IEnumerable<double[]> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return new TabularPolicy(logits.Select(z =>
        {
            double[] p = new double[z.Length];
            Softmax(z, p);
            return p;
        }));
    }

    /// <summary>p = softmax(z), stably.</summary>
    /// <param name="z">Logits.</param>
    /// <param name="p">Receives the probabilities.</param>
    public static void Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }

        double total = 0;
        for (int i = 0; i < z.Length; i++)
        {
            p[i] = Math.Exp(z[i] - max);
            total += p[i];
        }

        for (int i = 0; i < z.Length; i++)
        {
            p[i] /= total;
        }
    }
}
