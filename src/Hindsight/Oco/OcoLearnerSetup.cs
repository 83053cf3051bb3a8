namespace Hindsight.Oco;

/// <summary>A learner of an OCO study: its display name, kind, parameters and a factory.</summary>
/// <param name="Name">The name results use.</param>
/// <param name="Kind">The registered kind (e.g. <c>ons</c>).</param>
/// <param name="Parameters">The parameters with defaults filled in.</param>
/// <param name="Create">Creates a fresh learner for a domain and the stream it will play (for its gradient bound).</param>
public sealed record OcoLearnerSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, Func<IConvexDomain, IOcoStream, IOcoLearner> Create);
