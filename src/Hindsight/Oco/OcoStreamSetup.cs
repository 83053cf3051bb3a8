namespace Hindsight.Oco;

/// <summary>A loss stream of an OCO study: its display name, kind, parameters and the stream.</summary>
/// <param name="Name">The name results use.</param>
/// <param name="Kind">The registered kind (e.g. <c>sea-quadratic</c>).</param>
/// <param name="Parameters">The parameters with defaults filled in.</param>
/// <param name="Stream">The stream.</param>
public sealed record OcoStreamSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, IOcoStream Stream);
