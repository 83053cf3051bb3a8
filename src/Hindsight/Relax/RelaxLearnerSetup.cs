namespace Hindsight.Relax;

/// <summary>A tuner of a <see cref="RelaxStudy"/>, as its spec named it.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Kind">The catalog kind.</param>
/// <param name="Parameters">The parameters, as given (for the results).</param>
/// <param name="Create">Builds the tuner for a grid size.</param>
public sealed record RelaxLearnerSetup(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters, Func<int, IParameterTuner> Create);
