namespace Hindsight.Reactive;

/// <summary>The regrets of one run of a <see cref="ReactiveStudy"/> (null where the environment has no such comparator).</summary>
/// <param name="Policy">Policy regret against the best fixed arm replayed from the start (<see cref="PolicyRegretResult.PolicyRegret"/>).</param>
/// <param name="External">External regret on the learner's own history (<see cref="PolicyRegretResult.ExternalRegret"/>).</param>
/// <param name="Planner">Regret against the environment's full-information planner or offline benchmark, replayed on
/// the same random numbers.</param>
/// <param name="Pseudo">Pseudo-regret Σₜ (μ* − μ(aₜ)) (streaming bandits, where no arm can be replayed).</param>
public readonly record struct ReactiveOutcome(double? Policy, double? External, double? Planner, double? Pseudo)
{
    /// <summary>The regret names, in the order of <see cref="Get"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["policy", "external", "planner", "pseudo"];

    /// <summary>The regret of a name.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>Its value, or null.</returns>
    public double? Get(string name) => name switch
    {
        "policy" => Policy,
        "external" => External,
        "planner" => Planner,
        "pseudo" => Pseudo,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown regret."),
    };
}
