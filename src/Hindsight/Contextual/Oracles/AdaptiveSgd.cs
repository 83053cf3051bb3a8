namespace Hindsight.Contextual.Oracles;

/// <summary>
/// Online linear regression with square loss (or logistic regression with log loss) by VW's default gradient descent: per-feature adaptive learning rates
/// (AdaGrad, Duchi, Hazan and Singer, JMLR 2011), normalized updates that make the learner invariant to feature scale
/// (Ross, Mineiro and Langford, "Normalized online learning", UAI 2013), and importance-invariant updates that stay
/// safe for large importance weights (Karampatziakis and Langford, "Online importance weight aware updates", UAI 2011).
/// </summary>
/// <remarks>
/// For features xᵢ with weights wᵢ, squared-gradient sums Gᵢ and scales Nᵢ = maxₜ |xᵢ|: Gᵢ += g² xᵢ² (g = 2(ŷ − y));
/// when |xᵢ| exceeds Nᵢ, wᵢ is rescaled by Nᵢ/|xᵢ| and Nᵢ = |xᵢ|; the per-feature rate is rᵢ = 1 / (√Gᵢ · Nᵢ); with
/// the global factor m = √(Σ weight / Σ weight · Σᵢ xᵢ²/Nᵢ²) and s = m · Σᵢ xᵢ² rᵢ, the step is
/// u = (y − ŷ)(1 − exp(−2 η h s)) / s for importance weight h (the exact solution of the importance-weighted gradient
/// flow), and wᵢ += m · u · xᵢ · rᵢ. Predictions are clipped to the range of labels seen so far, which starts at [0, 0], as VW does.
/// Defaults follow VW: η = 0.5.
/// <para>Log loss (<see cref="RegressionLoss.Log"/>, VW's <c>--loss_function logistic</c>): binary targets y ∈ {0, 1}
/// (s = 2y − 1), prediction σ(score), gradient g = σ(score) − y in the sums Gᵢ; the importance-weighted gradient flow
/// of the margin u = s·score solves u + eᵘ = η h S + u₀ + e^u₀ (S the update's prediction change per unit step), so
/// u = C − W(e^C) with C the right-hand side and W Lambert's function (Karampatziakis and Langford 2011, §4); the
/// weights move so the score becomes s·u.</para>
/// </remarks>
public sealed class AdaptiveSgd : IOnlineRegressor
{
    private const int Stride = 3; // Σ g²x², max |x|, per-feature rate (the weights live apart, so scoring touches only them)
    private const float X2Min = float.Epsilon * 1e20f; // ~1.4e-25: VW floors x² at FLT_MIN; any tiny floor avoids 0/0
    private readonly float[] _weights;
    private readonly float[] _state;
    private readonly float _eta;
    private readonly RegressionLoss _loss;
    private double _totalWeight;
    private double _normalizedSum;
    private float _minLabel;
    private float _maxLabel;

    /// <summary>Creates the regressor.</summary>
    /// <param name="bits">Weight-table bits b (2^b weights).</param>
    /// <param name="learningRate">η (VW's default 0.5).</param>
    /// <param name="loss">Square loss (default) or log loss.</param>
    public AdaptiveSgd(int bits, float learningRate = 0.5f, RegressionLoss loss = RegressionLoss.Square)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 28);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        _weights = new float[1 << bits];
        _state = new float[(1 << bits) * Stride];
        _eta = learningRate;
        _loss = loss;
    }

    /// <summary>The loss learned.</summary>
    public RegressionLoss Loss => _loss;

    /// <summary>The raw linear score Σ wᵢ xᵢ, before clipping (cb_adf ranks actions by it).</summary>
    /// <param name="indices">Feature indices (masked to the table).</param>
    /// <param name="values">Feature values.</param>
    /// <returns>The dot product.</returns>
    public float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        float[] w = _weights;
        float sum = 0f;
        for (int i = 0; i < indices.Length; i++)
        {
            sum += w[indices[i]] * values[i];
        }

        return sum;
    }

    /// <summary>The prediction: with square loss the score clipped to the range of labels seen so far; with log loss
    /// σ(score), the probability that y = 1.</summary>
    /// <param name="indices">Feature indices.</param>
    /// <param name="values">Feature values.</param>
    /// <returns>The prediction.</returns>
    public float Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => Link(Score(indices, values));

    /// <summary>Maps a raw score to the prediction (see <see cref="Predict"/>).</summary>
    /// <param name="score">The score.</param>
    /// <returns>The prediction.</returns>
    public float Link(float score) => _loss == RegressionLoss.Log ? 1f / (1f + MathF.Exp(-score)) : Clip(score);

    /// <summary>Learns one example with square loss.</summary>
    /// <param name="indices">Feature indices.</param>
    /// <param name="values">Feature values.</param>
    /// <param name="label">The target.</param>
    /// <param name="weight">The importance weight h &gt; 0.</param>
    public void Learn(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float label, float weight = 1f)
    {
        if (!(weight > 0))
        {
            return;
        }

        if (_loss == RegressionLoss.Log && label is not (0f or 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, "Log loss takes binary targets, 0 or 1.");
        }

        _minLabel = Math.Min(_minLabel, label);
        _maxLabel = Math.Max(_maxLabel, label);
        float score = Score(indices, values);
        float prediction = Link(score);
        float diff = prediction - label;
        if (diff == 0)
        {
            return;
        }

        float[] s = _state;
        float[] w = _weights;
        float gradSquared = _loss == RegressionLoss.Log ? weight * diff * diff : weight * 4f * diff * diff;
        float maxX2 = 0f;
        for (int k = 0; k < values.Length; k++)
        {
            maxX2 = Math.Max(maxX2, values[k] * values[k]);
        }

        if (!float.IsFinite(gradSquared) || !float.IsFinite(maxX2) || !float.IsFinite(gradSquared * maxX2))
        {
            return; // an update this large would overflow the adaptive sums and poison every later update; skip it
        }

        float predPerUpdate = 0f;
        float normX = 0f;
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            int o = i * Stride;
            float x = values[k];
            float x2 = x * x;
            if (x2 < X2Min)
            {
                x = x > 0 ? MathF.Sqrt(X2Min) : -MathF.Sqrt(X2Min);
                x2 = X2Min;
            }

            s[o] += gradSquared * x2;
            float xAbs = MathF.Abs(x);
            if (xAbs > s[o + 1])
            {
                if (s[o + 1] > 0)
                {
                    w[i] *= s[o + 1] / xAbs; // as if the new scale had always been the scale
                }

                s[o + 1] = xAbs;
            }

            float n = s[o + 1];
            normX += x2 / (n * n);
            float rate = 1f / (MathF.Sqrt(s[o]) * n);
            s[o + 2] = rate;
            predPerUpdate += x2 * rate;
        }

        _normalizedSum += weight * (double)normX;
        _totalWeight += weight;
        float multiplier = (float)Math.Sqrt(_totalWeight / _normalizedSum);
        predPerUpdate *= multiplier;
        float scale = _eta * weight;
        float update = _loss == RegressionLoss.Log
            ? LogisticUpdate(score, label, scale, predPerUpdate)
            : scale * predPerUpdate < 1e-6f
                ? 2f * (label - prediction) * scale
                : (label - prediction) * (1f - MathF.Exp(-2f * scale * predPerUpdate)) / predPerUpdate;
        update *= multiplier;
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            w[i] += update * values[k] * s[(i * Stride) + 2];
        }
    }

    /// <summary>The weight table, for callers that compute scores while generating features.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The learning rate η.</summary>
    public float LearningRate => _eta;

    /// <summary>Weight-table bits.</summary>
    public int Bits => BitOperations.Log2((uint)_weights.Length);

    /// <summary>Writes the complete state (bit for bit): the touched table entries and the global sums.</summary>
    /// <remarks>Implements <see cref="IOnlineRegressor.WriteTo"/>.</remarks>
    /// <param name="writer">The destination.</param>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Bits);
        writer.Write(_eta);
        writer.Write(_totalWeight);
        writer.Write(_normalizedSum);
        writer.Write(_minLabel);
        writer.Write(_maxLabel);
        int touched = 0;
        for (int i = 0; i < _weights.Length; i++)
        {
            if (Touched(i))
            {
                touched++;
            }
        }

        writer.Write(touched);
        for (int i = 0; i < _weights.Length; i++)
        {
            if (Touched(i))
            {
                writer.Write(i);
                writer.Write(_weights[i]);
                writer.Write(_state[i * Stride]);
                writer.Write(_state[(i * Stride) + 1]);
                writer.Write(_state[(i * Stride) + 2]);
            }
        }
    }

    /// <summary>Reads a state written by <see cref="WriteTo"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The regressor, exactly as it was saved.</returns>
    /// <exception cref="InvalidDataException">The data is not a valid state.</exception>
    public static AdaptiveSgd ReadFrom(BinaryReader reader) => ReadFrom(reader, RegressionLoss.Square);

    /// <summary>Reads a state written by <see cref="WriteTo"/> for a regressor of the given loss (the loss is not
    /// part of the state: the model format records it with the oracle's kind).</summary>
    /// <param name="reader">The source.</param>
    /// <param name="loss">The loss.</param>
    /// <returns>The regressor, exactly as it was saved.</returns>
    /// <exception cref="InvalidDataException">The data is not a valid state.</exception>
    public static AdaptiveSgd ReadFrom(BinaryReader reader, RegressionLoss loss)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int bits = reader.ReadInt32();
        float eta = reader.ReadSingle();
        if (bits is < 1 or > 28 || !(eta > 0))
        {
            throw new InvalidDataException($"invalid regressor header (bits {bits}, learning rate {eta})");
        }

        var sgd = new AdaptiveSgd(bits, eta, loss)
        {
            _totalWeight = reader.ReadDouble(),
            _normalizedSum = reader.ReadDouble(),
            _minLabel = reader.ReadSingle(),
            _maxLabel = reader.ReadSingle(),
        };
        int touched = reader.ReadInt32();
        if (touched < 0 || touched > sgd._weights.Length)
        {
            throw new InvalidDataException($"invalid entry count {touched}");
        }

        for (int k = 0; k < touched; k++)
        {
            int i = reader.ReadInt32();
            if ((uint)i >= (uint)sgd._weights.Length)
            {
                throw new InvalidDataException($"weight index {i} outside the 2^{bits} table");
            }

            sgd._weights[i] = reader.ReadSingle();
            sgd._state[i * Stride] = reader.ReadSingle();
            sgd._state[(i * Stride) + 1] = reader.ReadSingle();
            sgd._state[(i * Stride) + 2] = reader.ReadSingle();
        }

        return sgd;
    }

    /// <summary>
    /// The importance-invariant step of log loss, as a change of the score per unit of <paramref name="perUpdate"/>:
    /// the margin u = s·score (s = ±1) follows du/dh = η S / (1 + eᵘ), whose solution is u + eᵘ = η h S + u₀ + e^u₀.
    /// </summary>
    internal static float LogisticUpdate(float score, float label, float scale, float perUpdate)
    {
        double sign = label == 1f ? 1 : -1;
        double u0 = Math.Min(sign * score, 50); // beyond 50 the loss and its gradient are 0 in float
        if (scale * perUpdate < 1e-6f)
        {
            return (float)(sign * scale / (1 + Math.Exp(u0))); // first order: −η ℓ'(score)
        }

        double c = (scale * (double)perUpdate) + u0 + Math.Exp(u0);
        double u = c - LambertWOfExp(c);
        return (float)(((sign * u) - score) / perUpdate);
    }

    /// <summary>
    /// W(eᶜ), Lambert's function at eᶜ, as the root w &gt; 0 of w + ln w = c (Newton's method). Written here because
    /// MathNet.Numerics has no Lambert W; computing through eᶜ directly would overflow for c &gt; 709.
    /// </summary>
    internal static double LambertWOfExp(double c)
    {
        double w = c >= 1 ? c - Math.Log(c) : Math.Exp(c);
        for (int i = 0; i < 50; i++)
        {
            double step = (w + Math.Log(w) - c) / (1 + (1 / w));
            double next = w - step;
            w = next > 0 ? next : w / 2;
            if (Math.Abs(step) <= 1e-13 * (1 + w))
            {
                break;
            }
        }

        return w;
    }

    private bool Touched(int i)
        => _weights[i] != 0 || _state[i * Stride] != 0 || _state[(i * Stride) + 1] != 0 || _state[(i * Stride) + 2] != 0;

    private float Clip(float score)
        => _minLabel <= _maxLabel ? Math.Clamp(score, _minLabel, _maxLabel) : score;
}
