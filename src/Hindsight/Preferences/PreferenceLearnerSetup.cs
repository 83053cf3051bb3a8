using Hindsight.Preferences.Learners;

namespace Hindsight.Preferences;

/// <summary>A preference learner as the spec gave it.</summary>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="Create">Makes a fresh learner.</param>
public sealed record PreferenceLearnerSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, Func<IPreferenceLearner> Create);
