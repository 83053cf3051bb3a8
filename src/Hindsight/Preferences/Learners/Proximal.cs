namespace Hindsight.Preferences.Learners;

/// <summary>The mirror steps of the Nash learners on log-policies.</summary>
internal static class Proximal
{
    /// <summary>The KL-proximal step argmax_π η⟨π, v⟩ − ηβ KL(π‖μ) − KL(π‖π₀): (log π₀ + ηβ log μ + η v)/(1 + ηβ).</summary>
    public static double[] Step(double[] logPolicy, double[] logReference, double[] values, double eta, double beta)
    {
        double[] z = new double[logPolicy.Length];
        for (int y = 0; y < z.Length; y++)
        {
            z[y] = (logPolicy[y] + (eta * beta * logReference[y]) + (eta * values[y])) / (1 + (eta * beta));
        }

        return z;
    }

    /// <summary>The geometric (regularized multiplicative-weights) step (1 − ηβ) log π₀ + ηβ log μ + η v.</summary>
    public static double[] Geometric(double[] logPolicy, double[] logReference, double[] values, double eta, double beta)
    {
        double[] z = new double[logPolicy.Length];
        for (int y = 0; y < z.Length; y++)
        {
            z[y] = ((1 - (eta * beta)) * logPolicy[y]) + (eta * beta * logReference[y]) + (eta * values[y]);
        }

        return z;
    }
}
