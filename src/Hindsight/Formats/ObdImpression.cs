namespace Hindsight.Formats;

/// <summary>One impression of the Open Bandit Dataset: the recommended item, its slot, the click and the logging propensity.</summary>
/// <param name="Line">The 1-based line in the CSV.</param>
/// <param name="Item">The item (action), 0-based.</param>
/// <param name="Position">The slot, 0-based (the CSV's 1–3 minus one).</param>
/// <param name="Click">The reward, 0 or 1.</param>
/// <param name="Propensity">The logging policy's probability of this item in this slot.</param>
/// <param name="UserFeatures">The four hashed categorical user features.</param>
/// <param name="Affinity">The user–item affinity of every item.</param>
public sealed record ObdImpression(long Line, int Item, int Position, int Click, double Propensity, IReadOnlyList<string> UserFeatures, IReadOnlyList<float> Affinity);
