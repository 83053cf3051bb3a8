namespace Hindsight.Specs;

/// <summary>A cross-field problem found by a registered entry's check: which parameter, and what is wrong.</summary>
/// <param name="Field">The parameter whose value is at fault (its location is reported).</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record ParameterProblem(string Field, string Message);
