namespace Hindsight.Contextual.Oracles;

/// <summary>An online regression oracle over hashed features: it scores a sparse feature vector and learns one
/// (features, label, importance) example at a time.</summary>
public interface IOnlineRegressor
{
    /// <summary>Feature-table bits: indices are below 2^bits.</summary>
    int Bits { get; }

    /// <summary>The prediction for a feature vector.</summary>
    /// <param name="indices">Feature indices (below 2^bits; repeats add up).</param>
    /// <param name="values">Feature values.</param>
    /// <returns>The predicted label.</returns>
    float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values);

    /// <summary>Learns one example with square loss.</summary>
    /// <param name="indices">Feature indices.</param>
    /// <param name="values">Feature values.</param>
    /// <param name="label">The target.</param>
    /// <param name="weight">The importance weight &gt; 0.</param>
    void Learn(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float label, float weight = 1f);

    /// <summary>Writes the complete state, bit for bit.</summary>
    /// <param name="writer">The destination.</param>
    void WriteTo(BinaryWriter writer);
}
