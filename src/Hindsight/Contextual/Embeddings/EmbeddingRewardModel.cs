using System.Numerics.Tensors;

namespace Hindsight.Contextual.Embeddings;

/// <summary>
/// A two-tower reward model over one <see cref="EmbeddingTable"/>: the reward of showing an item to a user is predicted
/// as r̂ = μ + σ·uᵀv — the running mean reward μ plus the dot product of their embeddings in units of the rewards'
/// running standard deviation σ (matrix factorization with a global bias; Koren, Bell and Volinsky, IEEE Computer
/// 2009) — trained online by SGD on each learned event's reward: Monolith's online training of sparse embeddings from
/// the live event stream. <see cref="Predict"/> answers the standardized preference uᵀv, the part that differs between
/// items (0 until both IDs have passed the table's frequency filter, when the model has no opinion and learns only μ and
/// σ). Standardizing makes the steps the same for rewards of any scale; the standardized target is clipped to ±5 and a
/// step that would leave a component beyond ±100 (a diverging pair) is not taken, so no reward can overflow the table.
/// </summary>
public sealed class EmbeddingRewardModel(EmbeddingTable table, float learningRate = 0.05f, float l2 = 1e-4f)
{
    private const double MaxTarget = 5;
    private const float MaxComponent = 100;

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

    /// <summary>Their sum of squared deviations from the mean (Welford's M₂).</summary>
    public double SquaredDeviations { get; private set; }

    /// <summary>Their standard deviation σ (1 before two distinct rewards).</summary>
    public double RewardScale => Rewards > 1 && SquaredDeviations > 0 ? Math.Sqrt(SquaredDeviations / (Rewards - 1)) : 1;

    /// <summary>The standardized preference uᵀv = (r̂ − μ) / σ for serving (0 when either ID has no live embedding);
    /// changes nothing.</summary>
    /// <param name="user">The user's key.</param>
    /// <param name="item">The item's key.</param>
    /// <param name="now">The time (ms).</param>
    /// <returns>The prediction.</returns>
    public float Predict(string user, string item, long now)
        => Table.TryGet(user, now, out float[]? u) && Table.TryGet(item, now, out float[]? v) ? TensorPrimitives.Dot(u, v) : 0f;

    /// <summary>Learns one event: μ and σ take the reward; both IDs are observed (counted, admitted, marked updated),
    /// and when both have embeddings one SGD step on ½(uᵀv − z)² + ½λ(‖u‖² + ‖v‖²) moves them, with z = (r − μ) / σ
    /// (μ and σ before this reward) clipped to ±5.</summary>
    /// <param name="user">The user's key.</param>
    /// <param name="item">The item's key.</param>
    /// <param name="reward">The observed reward.</param>
    /// <param name="now">The event's time (ms).</param>
    /// <returns>The prediction error uᵀv − z before the step, or null when no step was taken (an ID still filtered, a
    /// reward that is not finite, or a step that would diverge).</returns>
    public float? Learn(string user, string item, float reward, long now)
    {
        if (!float.IsFinite(reward))
        {
            return null;
        }

        float target = (float)Math.Clamp((reward - MeanReward) / RewardScale, -MaxTarget, MaxTarget); // before this reward
        Rewards++;
        double delta = reward - MeanReward;
        MeanReward += delta / Rewards;
        SquaredDeviations += delta * (reward - MeanReward);
        float[]? u = Table.Observe(user, now);
        float[]? v = Table.Observe(item, now);
        if (u is null || v is null || ReferenceEquals(u, v))
        {
            return null;
        }

        float error = TensorPrimitives.Dot(u, v) - target;
        int d = u.Length;
        Span<float> next = d <= 128 ? stackalloc float[2 * d] : new float[2 * d];
        for (int k = 0; k < d; k++)
        {
            next[k] = u[k] - (LearningRate * ((error * v[k]) + (L2 * u[k])));
            next[d + k] = v[k] - (LearningRate * ((error * u[k]) + (L2 * v[k])));
            if (!(Math.Abs(next[k]) <= MaxComponent && Math.Abs(next[d + k]) <= MaxComponent))
            {
                return null; // diverging (too large a step for this pair): keep the embeddings as they are
            }
        }

        next[..d].CopyTo(u);
        next[d..].CopyTo(v);
        return error;
    }

    /// <summary>Writes the model: the reward statistics, then the table (<see cref="EmbeddingTable.WriteTo"/>).</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Rewards);
        writer.Write(MeanReward);
        writer.Write(SquaredDeviations);
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
            double mean = reader.ReadDouble(), squares = reader.ReadDouble();
            if (rewards < 0 || !double.IsFinite(mean) || !(squares >= 0) || !double.IsFinite(squares))
            {
                throw new InvalidDataException("the reward model's mean or spread is corrupt");
            }

            return new EmbeddingRewardModel(EmbeddingTable.ReadFrom(reader), learningRate, l2) { Rewards = rewards, MeanReward = mean, SquaredDeviations = squares };
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the reward model is truncated");
        }
    }
}
