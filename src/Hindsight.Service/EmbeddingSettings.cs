using System.Text.Json;
using Hindsight.Contextual.Embeddings;

namespace Hindsight.Service;

/// <summary>
/// A loop's Monolith embedding table (see <see cref="EmbeddingTable"/>): which context feature holds the user's ID and
/// which action feature the item's, and how the table admits, keeps and evicts them. The loop trains a two-tower reward
/// model (<see cref="EmbeddingRewardModel"/>) on every learned event's reward and gives its learner, for each action, the
/// model's predicted preference (its reward prediction less the mean reward) as the feature <c>score</c> of the
/// namespace <c>Embedding</c>.
/// </summary>
/// <param name="User">The user's ID: "Namespace.feature" of the context, e.g. "User.id".</param>
/// <param name="Item">The item's ID: "Namespace.feature" of each action, e.g. "Item.id".</param>
/// <param name="Dimensions">Embedding length, 1 … 256.</param>
/// <param name="MinCount">Occurrences (learned events) before an ID gets an embedding, 1 … 255.</param>
/// <param name="TtlSeconds">An embedding not updated for this long expires, &gt; 0.</param>
/// <param name="MaxEntries">At most this many embeddings (users and items together), 1 … 10,000,000.</param>
/// <param name="LearningRate">The SGD step of the embeddings, in (0, 1].</param>
public sealed record EmbeddingSettings(string User, string Item, int Dimensions = 16, int MinCount = 3, double TtlSeconds = 7 * 24 * 3600, int MaxEntries = 100_000, double LearningRate = 0.1)
{
    /// <summary>The most embedding components a loop may hold (maxEntries × dimensions).</summary>
    public const long MaxFloats = 100_000_000;

    /// <summary>The table's options; the frequency filter gets about eight counters a row per entry (4 … 2^24).</summary>
    /// <returns>The options.</returns>
    public EmbeddingTableOptions TableOptions()
        => new(Dimensions, MinCount, (long)(TtlSeconds * 1000), MaxEntries, Math.Clamp((int)Math.Ceiling(Math.Log2(8.0 * MaxEntries)), 10, 24), InitScale: 0.1f);

    /// <summary>Reads the settings from a JSON object, naming the first member at fault (prefixed "embeddings.").</summary>
    /// <param name="json">The object.</param>
    /// <param name="settings">The settings read.</param>
    /// <param name="field">The member at fault.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(JsonElement json, out EmbeddingSettings? settings, out string field, out string problem)
    {
        settings = null;
        (field, problem) = ("embeddings", string.Empty);
        if (json.ValueKind != JsonValueKind.Object)
        {
            problem = "must be an object with user and item (\"Namespace.feature\")";
            return false;
        }

        string? user = null, item = null;
        var read = new EmbeddingSettings(string.Empty, string.Empty);
        foreach (JsonProperty p in json.EnumerateObject())
        {
            JsonElement v = p.Value;
            field = "embeddings." + p.Name;
            switch (p.Name)
            {
                case "user" or "item" when v.ValueKind == JsonValueKind.String && IsFeature(v.GetString()!):
                    (user, item) = p.Name == "user" ? (v.GetString(), item) : (user, v.GetString());
                    break;
                case "user" or "item":
                    problem = "must be \"Namespace.feature\", e.g. \"User.id\"";
                    return false;
                case "dimensions" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int d) && d is >= 1 and <= 256:
                    read = read with { Dimensions = d };
                    break;
                case "minCount" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int m) && m is >= 1 and <= 255:
                    read = read with { MinCount = m };
                    break;
                case "ttlSeconds" when v.ValueKind == JsonValueKind.Number && v.GetDouble() is > 0 and <= 10 * 365 * 24 * 3600:
                    read = read with { TtlSeconds = v.GetDouble() };
                    break;
                case "maxEntries" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n is >= 1 and <= 10_000_000:
                    read = read with { MaxEntries = n };
                    break;
                case "learningRate" when v.ValueKind == JsonValueKind.Number && v.GetDouble() is > 0 and <= 1:
                    read = read with { LearningRate = v.GetDouble() };
                    break;
                case "dimensions":
                    problem = "must be a whole number in [1, 256]";
                    return false;
                case "minCount":
                    problem = "must be a whole number in [1, 255]";
                    return false;
                case "ttlSeconds":
                    problem = "must be a number of seconds in (0, 315360000]";
                    return false;
                case "maxEntries":
                    problem = "must be a whole number in [1, 10000000]";
                    return false;
                case "learningRate":
                    problem = "must be a number in (0, 1]";
                    return false;
                default:
                    problem = "unknown setting (user, item, dimensions, minCount, ttlSeconds, maxEntries, learningRate)";
                    return false;
            }
        }

        if (user is null || item is null)
        {
            (field, problem) = ("embeddings." + (user is null ? "user" : "item"), "is required: \"Namespace.feature\", e.g. \"User.id\"");
            return false;
        }

        if ((long)read.MaxEntries * read.Dimensions > MaxFloats)
        {
            (field, problem) = ("embeddings.maxEntries", $"times dimensions must be at most {MaxFloats:N0} (about 400 MB of embeddings)");
            return false;
        }

        settings = read with { User = user, Item = item };
        return true;
    }

    /// <summary>"Namespace.feature": both parts non-empty, at most 64 characters in all.</summary>
    private static bool IsFeature(string s) => s.Length <= 64 && s.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < s.Length - 1;
}
