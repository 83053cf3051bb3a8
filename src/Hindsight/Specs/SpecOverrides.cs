namespace Hindsight.Specs;

/// <summary>Values given on the command line that replace the spec's.</summary>
/// <param name="Horizon">Replaces <c>horizon</c>.</param>
/// <param name="Runs">Replaces <c>runs</c>.</param>
/// <param name="Seed">Replaces <c>seed</c>.</param>
public sealed record SpecOverrides(long? Horizon = null, int? Runs = null, ulong? Seed = null);
