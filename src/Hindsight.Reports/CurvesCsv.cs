using System.Globalization;
using System.Text;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// Writes <c>curves.csv</c>: one row per (environment, learner, meter, checkpoint) with columns
/// <c>environment,learner,meter,t,mean,sd,lo,hi,runs</c>; empty cells where a value is undefined (sd with one run).
/// </summary>
public static class CurvesCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "environment,learner,meter,t,mean,sd,lo,hi,runs";

    /// <summary>Renders the CSV text.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The CSV, ending with a newline.</returns>
    public static string ToText(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (PairResult pair in result.Pairs)
        {
            foreach (MeterResult meter in pair.Meters)
            {
                for (int c = 0; c < result.Checkpoints.Count; c++)
                {
                    Statistic s = meter.Curve[c];
                    sb.Append(Quote(pair.Environment.Name)).Append(',')
                      .Append(Quote(pair.Learner.Name)).Append(',')
                      .Append(meter.Name).Append(',')
                      .Append(result.Checkpoints[c].ToString(CultureInfo.InvariantCulture)).Append(',')
                      .Append(Number(s.Mean)).Append(',')
                      .Append(Number(s.StandardDeviation)).Append(',')
                      .Append(Number(s.Low)).Append(',')
                      .Append(Number(s.High)).Append(',')
                      .Append(s.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static string Number(double? value)
        => value is { } d && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string text)
        => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
