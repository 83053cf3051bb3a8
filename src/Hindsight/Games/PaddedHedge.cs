using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Hindsight.Experts.Policies;
using Hindsight.Numerics;

namespace Hindsight.Games;

/// <summary>
/// A <see cref="Hedge"/> learner's state copied into arrays padded to whole 4-wide vectors, for the fused two-player
/// self-play loop: the cumulative losses (+∞ past K), the prior's offset, the strategy and the values (zero past K).
/// <see cref="Distribution"/> and <see cref="Absorb"/> do, lane by lane, the arithmetic of
/// <see cref="ExponentialWeights.Distribution"/> and of an observation of the rewards (v − low) · scale, so a run gives
/// the learner bit for bit the state the general loop would; <see cref="Return"/> hands the state back.
/// </summary>
internal sealed class PaddedHedge
{
    private readonly Hedge _learner;
    private readonly double[] _loss;
    private readonly double[]? _offset;
    private readonly double[] _shifted;
    private readonly double _eta;

    public PaddedHedge(Hedge learner, int stride)
    {
        _learner = learner;
        int k = learner.Arms;
        _loss = new double[stride];
        learner.Losses.CopyTo(_loss, 0);
        _loss.AsSpan(k).Fill(double.PositiveInfinity);
        if (learner.Offset is { } offset)
        {
            _offset = new double[stride];
            offset.CopyTo(_offset, 0);
            _shifted = new double[stride];
        }
        else
        {
            _shifted = _loss;
        }

        _eta = learner.LearningRate;
        Strategy = new double[stride];
        Values = new double[stride];
    }

    /// <summary>Whether the learner's experts fit the padded arithmetic (at most 16, where <see cref="LossWeights"/> keeps
    /// the weights in registers).</summary>
    public static bool Fits(Hedge learner) => learner.Arms <= LossWeights.PaddedLimit;

    /// <summary>The strategy of the round (padded with zeros).</summary>
    public double[] Strategy { get; }

    /// <summary>The values of the learner's pure strategies this round, in payoff units (padded).</summary>
    public double[] Values { get; }

    /// <summary>p ∝ exp(−η (L + offset)) into <see cref="Strategy"/>.</summary>
    public void Distribution()
    {
        if (_offset is not null)
        {
            for (int i = 0; i < _loss.Length; i++)
            {
                _shifted[i] = _loss[i] + _offset[i];
            }
        }

        LossWeights.NormalizedPadded(_shifted, _learner.Arms, _eta, Strategy);
    }

    /// <summary>L −= (v − low) · scale: the learner observes its rewards rescaled to [0, 1].</summary>
    public void Absorb(double low, double scale)
    {
        ref double loss = ref MemoryMarshal.GetArrayDataReference(_loss);
        ref double values = ref MemoryMarshal.GetArrayDataReference(Values);
        var lowest = Vector256.Create(low);
        var factor = Vector256.Create(scale);
        for (int i = 0; i < _loss.Length; i += Vector256<double>.Count)
        {
            var reward = (Vector256.LoadUnsafe(ref values, (nuint)i) - lowest) * factor;
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref loss, (nuint)i) - reward, ref loss, (nuint)i);
        }
    }

    /// <summary>Writes the losses back to the learner and counts the rounds played.</summary>
    public void Return(long rounds)
    {
        _loss.AsSpan(0, _learner.Arms).CopyTo(_learner.Losses);
        _learner.Advance(rounds);
    }
}
