namespace Hindsight.Evaluation;

/// <summary>An estimate of a policy's value with its 95% confidence interval.</summary>
/// <param name="Estimator">ips, snips, dm or dr.</param>
/// <param name="Value">The estimate.</param>
/// <param name="Low">Lower end of the 95% interval.</param>
/// <param name="High">Upper end of the 95% interval.</param>
/// <param name="Samples">The number of logged decisions used.</param>
public readonly record struct OffPolicyEstimate(string Estimator, double Value, double Low, double High, long Samples)
{
    /// <summary>True when the interval contains a value.</summary>
    /// <param name="value">The value, e.g. an on-policy ground truth.</param>
    /// <returns>Whether Low ≤ value ≤ High.</returns>
    public bool Contains(double value) => Low <= value && value <= High;

    /// <summary>True when the estimate is defined (there were samples, and for SNIPS some weight).</summary>
    public bool Defined => !double.IsNaN(Value);
}
