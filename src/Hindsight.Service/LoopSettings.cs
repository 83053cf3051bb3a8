using System.Text.Json;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;

namespace Hindsight.Service;

/// <summary>How a loop learns and joins rewards.</summary>
/// <param name="Learner">"epsilon-greedy" or "squarecb" (the contextual learners of <c>hindsight cb</c>).</param>
/// <param name="Epsilon">ε of ε-greedy, in [0, 1].</param>
/// <param name="Interactions">Namespace pairs to cross, by first letter (VW's -q), e.g. ["UA"].</param>
/// <param name="Bits">Feature-hash bits, 8 … 24.</param>
/// <param name="RewardWaitSeconds">How long after a rank rewards are joined to its event, &gt; 0.</param>
/// <param name="DefaultReward">The reward of an event that received none in time.</param>
/// <param name="Aggregation">"sum" of the rewards received in time, or the "first" only.</param>
/// <param name="Mode">"online" (the learner explores from the start) or "apprentice" (Personalizer's apprentice mode:
/// rank answers the app's baseline — the first action of each request — with probability 1, and the learner learns from
/// the baseline's rewards until it agrees with the baseline often enough, then the loop goes online for good).</param>
/// <param name="ApprenticeEvents">How many of the latest learned events the agreement is measured over (also the
/// fewest events before going online), ≥ 1.</param>
/// <param name="ApprenticeAgreement">The share of those events on which the learner's first choice, ranked before it
/// learned the event, was the baseline, in (0, 1].</param>
/// <param name="Embeddings">Optional: the loop's Monolith embedding table of user and item IDs (off when null).</param>
public sealed record LoopSettings(string Learner = "epsilon-greedy", double Epsilon = 0.05, string[]? Interactions = null, int Bits = 18, double RewardWaitSeconds = 10, double DefaultReward = 0, string Aggregation = "sum", string Mode = "online", int ApprenticeEvents = 1000, double ApprenticeAgreement = 0.9, EmbeddingSettings? Embeddings = null)
{
    /// <summary>The largest reward magnitude taken (rewards become single-precision costs; sums must stay finite).</summary>
    public const double MaxReward = 1e6;

    /// <summary>When the reward window of an event ranked at <paramref name="rankedAt"/> closes: rewards and activations
    /// stamped before it count (live, on replay and in the export alike).</summary>
    /// <param name="rankedAt">The rank's time, ms since the epoch.</param>
    /// <returns>The deadline, ms since the epoch.</returns>
    public long Deadline(long rankedAt) => rankedAt + (long)(RewardWaitSeconds * 1000);

    /// <summary>Joins one more reward in the window to what the event has: the sum, or the first only.</summary>
    /// <param name="joined">The value joined so far (0 before any).</param>
    /// <param name="count">How many rewards were joined so far.</param>
    /// <param name="value">The new reward.</param>
    /// <returns>The joined value.</returns>
    public double Join(double joined, int count, double value) => Aggregation == "first" && count > 0 ? joined : joined + value;

    /// <summary>The learner a loop with these settings starts from: the contextual learners of <c>hindsight cb</c> with its
    /// defaults (MTR regression, learning rate 0.5); also what <c>hindsight ope</c> trains for a candidate.</summary>
    /// <returns>A fresh learner.</returns>
    public ExploringCbLearner CreateLearner()
    {
        var space = new FeatureSpace(Bits, Interactions ?? []);
        var regressor = new CostRegressor(space, CbType.Mtr, 0.5f, importanceWeighted: Learner != "squarecb");
        return Learner == "squarecb" ? ExploringCbLearner.SquareCb(regressor) : ExploringCbLearner.EpsilonGreedy(regressor, (float)Epsilon);
    }

    /// <summary>Reads a candidate of offline evaluation: settings as <see cref="TryRead"/> takes them, labelled by their
    /// "name" when it is a string. Embeddings are refused: an exported log carries the requests' features, not an
    /// embedding model to evaluate.</summary>
    /// <param name="json">The object.</param>
    /// <param name="defaultLabel">The label without a name.</param>
    /// <param name="label">The candidate's label.</param>
    /// <param name="settings">The settings read.</param>
    /// <param name="field">The field at fault.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <returns>True when valid.</returns>
    public static bool TryReadCandidate(JsonElement json, string defaultLabel, out string label, out LoopSettings settings, out string field, out string problem)
    {
        label = defaultLabel;
        if (!TryRead(json, out settings, out field, out problem))
        {
            return false;
        }

        if (settings.Embeddings is not null)
        {
            (field, problem) = ("embeddings", "are not evaluated offline yet: the log carries the requests' features, not an embedding model");
            return false;
        }

        if (json.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
        {
            label = name.GetString()!;
        }

        return true;
    }

    /// <summary>Reads settings from a JSON object, naming the first field at fault.</summary>
    /// <param name="json">The object (absent members take their defaults).</param>
    /// <param name="settings">The settings read.</param>
    /// <param name="field">The field at fault.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(JsonElement json, out LoopSettings settings, out string field, out string problem)
    {
        settings = new LoopSettings();
        field = problem = string.Empty;
        if (json.ValueKind != JsonValueKind.Object)
        {
            (field, problem) = ("settings", "must be an object");
            return false;
        }

        foreach (JsonProperty p in json.EnumerateObject())
        {
            string name = p.Name;
            JsonElement v = p.Value;
            switch (name)
            {
                case "learner" when v.ValueKind == JsonValueKind.String && v.GetString() is "epsilon-greedy" or "squarecb":
                    settings = settings with { Learner = v.GetString()! };
                    break;
                case "learner":
                    (field, problem) = (name, "must be \"epsilon-greedy\" or \"squarecb\"");
                    return false;
                case "epsilon" when v.ValueKind == JsonValueKind.Number && v.GetDouble() is >= 0 and <= 1:
                    settings = settings with { Epsilon = v.GetDouble() };
                    break;
                case "bits" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int b) && b is >= 8 and <= 24:
                    settings = settings with { Bits = b };
                    break;
                case "rewardWaitSeconds" when v.ValueKind == JsonValueKind.Number && v.GetDouble() is > 0 and <= 86_400:
                    settings = settings with { RewardWaitSeconds = v.GetDouble() };
                    break;
                case "defaultReward" when v.ValueKind == JsonValueKind.Number && Math.Abs(v.GetDouble()) <= MaxReward:
                    settings = settings with { DefaultReward = v.GetDouble() };
                    break;
                case "aggregation" when v.ValueKind == JsonValueKind.String && v.GetString() is "sum" or "first":
                    settings = settings with { Aggregation = v.GetString()! };
                    break;
                case "mode" when v.ValueKind == JsonValueKind.String && v.GetString() is "online" or "apprentice":
                    settings = settings with { Mode = v.GetString()! };
                    break;
                case "apprenticeEvents" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n is >= 1 and <= 1_000_000:
                    settings = settings with { ApprenticeEvents = n };
                    break;
                case "apprenticeAgreement" when v.ValueKind == JsonValueKind.Number && v.GetDouble() is > 0 and <= 1:
                    settings = settings with { ApprenticeAgreement = v.GetDouble() };
                    break;
                case "mode":
                    (field, problem) = (name, "must be \"online\" or \"apprentice\"");
                    return false;
                case "apprenticeEvents":
                    (field, problem) = (name, "must be a whole number in [1, 1000000]");
                    return false;
                case "apprenticeAgreement":
                    (field, problem) = (name, "must be a number in (0, 1]");
                    return false;
                case "interactions" when v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String && x.GetString()!.Length == 2):
                    settings = settings with { Interactions = [.. v.EnumerateArray().Select(x => x.GetString()!)] };
                    break;
                case "epsilon":
                    (field, problem) = (name, "must be a number in [0, 1]");
                    return false;
                case "bits":
                    (field, problem) = (name, "must be a whole number in [8, 24]");
                    return false;
                case "rewardWaitSeconds":
                    (field, problem) = (name, "must be a number of seconds in (0, 86400]");
                    return false;
                case "defaultReward":
                    (field, problem) = (name, $"must be a number in [−{MaxReward}, {MaxReward}]");
                    return false;
                case "aggregation":
                    (field, problem) = (name, "must be \"sum\" or \"first\"");
                    return false;
                case "interactions":
                    (field, problem) = (name, "must be a list of two-letter namespace pairs, e.g. [\"UA\"]");
                    return false;
                case "embeddings" when v.ValueKind == JsonValueKind.Null:
                    settings = settings with { Embeddings = null };
                    break;
                case "embeddings":
                    if (!EmbeddingSettings.TryRead(v, out EmbeddingSettings? embeddings, out field, out problem))
                    {
                        return false;
                    }

                    settings = settings with { Embeddings = embeddings };
                    break;
                case "name":
                    break; // read by the caller
                default:
                    (field, problem) = (name, "unknown setting (learner, epsilon, interactions, bits, rewardWaitSeconds, defaultReward, aggregation, mode, apprenticeEvents, apprenticeAgreement, embeddings)");
                    return false;
            }
        }

        return true;
    }
}
