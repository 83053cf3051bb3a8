namespace Hindsight.Regret;

/// <summary>The registry of bandit meters by name.</summary>
public static class Meters
{
    /// <summary>Every meter name, in the order results list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pseudo", "external", "dynamic", "switching", "switches", "bestArmFraction", "reward"];

    /// <summary>The meters a spec gets when it names none.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["pseudo", "external", "dynamic", "switches", "bestArmFraction", "reward"];

    /// <summary>One-line descriptions, for <c>hindsight list</c>.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        ["pseudo"] = "pseudo-regret: max_a Σ μ_{s,a} − Σ μ_{s,I_s} (vs the best mean)",
        ["external"] = "external regret: max_a Σ X_{s,a} − Σ X_{s,I_s} (vs the best fixed arm on the realized rewards)",
        ["dynamic"] = "dynamic regret: Σ (max_a μ_{s,a} − μ_{s,I_s}) (vs the per-round best mean)",
        ["switching"] = "regret with switching costs: pseudo-regret + λ × switches (λ = the spec's switchingCost, default 1)",
        ["switches"] = "number of rounds with I_t ≠ I_{t−1}",
        ["bestArmFraction"] = "fraction of rounds that pulled the round's best-mean arm",
        ["reward"] = "cumulative realized reward",
    };

    /// <summary>Creates a fresh meter by name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The meter.</returns>
    public static BanditMeter Create(string name) => Create(name, 1.0);

    /// <summary>Creates a fresh meter by name, with the cost of one switch for <c>switching</c>.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <param name="switchingCost">λ ≥ 0, used by the <c>switching</c> meter.</param>
    /// <returns>The meter.</returns>
    public static BanditMeter Create(string name, double switchingCost) => name switch
    {
        "pseudo" => new PseudoRegretMeter(),
        "external" => new ExternalRegretMeter(),
        "dynamic" => new DynamicRegretMeter(),
        "switching" => new SwitchingRegretMeter(switchingCost),
        "switches" => new SwitchesMeter(),
        "bestArmFraction" => new BestArmFractionMeter(),
        "reward" => new RewardMeter(),
        _ => throw new ArgumentException($"Unknown meter '{name}'.", nameof(name)),
    };
}
