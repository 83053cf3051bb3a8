namespace Hindsight.Dueling;

/// <summary>A dueling learner as the spec gave it.</summary>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Create">Makes a fresh learner for K arms.</param>
public sealed record DuelingLearnerSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, Func<int, IDuelingPolicy> Create);
