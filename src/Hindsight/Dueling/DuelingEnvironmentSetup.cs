namespace Hindsight.Dueling;

/// <summary>A dueling environment as the spec gave it.</summary>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Environment">The environment.</param>
public sealed record DuelingEnvironmentSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, DuelingEnvironment Environment);
