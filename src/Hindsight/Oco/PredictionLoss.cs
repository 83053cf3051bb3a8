namespace Hindsight.Oco;

/// <summary>The loss of a linear prediction p = ⟨w, x⟩ against a target y (online regression and classification).</summary>
public enum PredictionLoss
{
    /// <summary>½(p − y)², y ∈ [0, 1].</summary>
    Square,

    /// <summary>|p − y|, y ∈ [0, 1].</summary>
    Absolute,

    /// <summary>ln(1 + e^(−y p)), y ∈ {−1, +1}.</summary>
    Logistic,

    /// <summary>max(0, 1 − y p), y ∈ {−1, +1}.</summary>
    Hinge,
}
