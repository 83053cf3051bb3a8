using System.Numerics.Tensors;

namespace Hindsight.Contextual.Embeddings;

/// <summary>
/// A two-tower reward model over one <see cref="EmbeddingTable"/>: the reward of showing an item to a user is predicted
/// as the mean reward plus the dot product of their embeddings, r̂ = μ + uᵀv (matrix factorization with a global bias;
/// Koren, Bell and Volinsky, IEEE Computer 2009), trained online by SGD on each learned event's reward — Monolith's
/// online training of sparse embeddings from the live event stream. <see cref="Predict"/> answers the preference
/// uᵀv, the part that differs between items (0 until both IDs have passed the table's frequency filter, when the model
/// has no opinion and learns nothing but the mean).
/// </summary>
/// <param name="table">The embeddings (user and item IDs share it; give them distinct keys, e.g. "User:u1").</param>
/// <param name="learningRate">The SGD step η, &gt; 0.</param>
/// <param name="l2">The L2 penalty λ on both embeddings, ≥ 0.</param>
public sealed class EmbeddingRewardModel(EmbeddingTable table, float learningRate = 0.05f, float l2 = 1e-4f)
{
    /// <summary>The embeddings.</summary>
    public EmbeddingTable Table { get; } = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>The SGD step.</summary>
    public float LearningRate { get; } = learningRate > 0 && float.IsFinite(learningRate) ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate));

    /// <summary>The L2 penalty.</summary>
    public float L2 { get; } = l2 >= 0 && float.IsFinite(l2) ? l2 : throw new ArgumentOutOfRangeException(nameof(l2));

    /// <summary>The rewards learned so far.</summary>
    public long Rewards { get; private set; }

    /// <summary>Their mean μ.</summary>
    public double MeanReward { get; private set; }

    /// <summary>The predicted preference uᵀv = r̂ − μ for serving (0 when either ID has no live embedding); changes nothing.</summary>
    /// <param name="user">The user's key.</param>
    /// <param name="item">The item's key.</param>
    /// <param name="now">The time (ms).</param>
    /// <returns>The prediction.</returns>
    public float Predict(string user, string item, long now)
        => Table.TryGet(user, now, out float[]? u) && Table.TryGet(item, now, out float[]? v) ? TensorPrimitives.Dot(u, v) : 0f;

    /// <summary>Learns one event: the mean takes the reward; both IDs are observed (counted, admitted, marked updated),
    /// and when both have embeddings one SGD step on ½(μ + uᵀv − r)² + ½λ(‖u‖² + ‖v‖²) moves them.</summary>
    /// <param name="user">The user's key.</param>
    /// <param name="item">The item's key.</param>
    /// <param name="reward">The observed reward.</param>
    /// <param name="now">The event's time (ms).</param>
    /// <returns>The prediction error μ + uᵀv − r before the step, or null when an ID is still filtered.</returns>
    public float? Learn(string user, string item, float reward, long now)
    {
        if (!float.IsFinite(reward))
        {
            return null;
        }

        float centered = reward - (float)MeanReward; // against the mean before this reward
        Rewards++;
        MeanReward += (reward - MeanReward) / Rewards;
        float[]? u = Table.Observe(user, now);
        float[]? v = Table.Observe(item, now);
        if (u is null || v is null || ReferenceEquals(u, v))
        {
            return null;
        }

        float error = TensorPrimitives.Dot(u, v) - centered;
        if (!float.IsFinite(error))
        {
            return null; // an overflowing reward would poison both embeddings
        }

        for (int k = 0; k < u.Length; k++)
        {
            float uk = u[k], vk = v[k];
            u[k] -= LearningRate * ((error * vk) + (L2 * uk));
            v[k] -= LearningRate * ((error * uk) + (L2 * vk));
        }

        return error;
    }

    /// <summary>Writes the model: the mean, then the table (<see cref="EmbeddingTable.WriteTo"/>).</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Rewards);
        writer.Write(MeanReward);
        Table.WriteTo(writer);
    }

    /// <summary>Reads a model written by <see cref="WriteTo"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <param name="learningRate">The SGD step.</param>
    /// <param name="l2">The L2 penalty.</param>
    /// <returns>The model as it was.</returns>
    /// <exception cref="InvalidDataException">Truncated or corrupt data.</exception>
    public static EmbeddingRewardModel ReadFrom(BinaryReader reader, float learningRate = 0.05f, float l2 = 1e-4f)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            long rewards = reader.ReadInt64();
            double mean = reader.ReadDouble();
            if (rewards < 0 || !double.IsFinite(mean))
            {
                throw new InvalidDataException("the reward model's mean is corrupt");
            }

            return new EmbeddingRewardModel(EmbeddingTable.ReadFrom(reader), learningRate, l2) { Rewards = rewards, MeanReward = mean };
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the reward model is truncated");
        }
    }
}
