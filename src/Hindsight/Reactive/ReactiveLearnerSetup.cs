namespace Hindsight.Reactive;

/// <summary>A learner of a <see cref="ReactiveStudy"/>, as its spec named it, with how one run of it is measured.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Kind">The catalog kind.</param>
/// <param name="Parameters">The parameters, as given.</param>
/// <param name="Measure">Runs it for a horizon, seed and run index and returns the regrets.</param>
public sealed record ReactiveLearnerSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, Func<long, ulong, long, ReactiveOutcome> Measure);
