namespace Hindsight.Reports;

/// <summary>One line of a <see cref="ParameterSweep"/>.</summary>
/// <param name="Label">The setting of the other parameters (or the learner kind).</param>
/// <param name="Points">The points, by increasing parameter value.</param>
public sealed record ParameterSeries(string Label, IReadOnlyList<ParameterPoint> Points);
