namespace Hindsight.Reports;

/// <summary>A learner's final regret at one parameter value.</summary>
/// <param name="X">The parameter's value.</param>
/// <param name="Mean">The mean final regret.</param>
/// <param name="Low">The 95% CI's lower end, or null.</param>
/// <param name="High">The 95% CI's upper end, or null.</param>
public sealed record ParameterPoint(double X, double Mean, double? Low, double? High);
