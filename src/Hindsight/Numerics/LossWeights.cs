using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hindsight.Numerics;

/// <summary>
/// Exponential weights of cumulative losses, wᵢ = exp(−η (Lᵢ − minⱼ Lⱼ)), the kernel shared by EXP3, Hedge and their
/// variants: shifted by the minimum so the largest weight is 1, and floored at exp(−700) so no weight is subnormal
/// (subnormal arithmetic is about 100× slower). Vectorized (by hand in registers for K ≤ 16, TensorPrimitives above); a
/// NaN loss or η gives NaN weights on both paths; allocates nothing.
/// </summary>
internal static class LossWeights
{
    private const double MinExponent = -700.0;

    /// <summary>Up to this many experts the weights stay in four vector registers (TensorPrimitives' per-call cost
    /// dominates on a few elements).</summary>
    private const int SmallK = 16;

    /// <summary>The most experts <see cref="NormalizedPadded"/> takes.</summary>
    public const int PaddedLimit = SmallK;

    private const int Width = 4; // Vector256<double>

    /// <summary>Writes the unnormalized weights and returns their sum (≥ 1).</summary>
    /// <param name="losses">Cumulative losses L.</param>
    /// <param name="eta">The learning rate η ≥ 0 (finite).</param>
    /// <param name="weights">Receives w (may not alias <paramref name="losses"/>).</param>
    /// <returns>Σ w.</returns>
    public static double Unnormalized(ReadOnlySpan<double> losses, double eta, Span<double> weights)
    {
        if (losses.Length <= SmallK)
        {
            return Small(losses, eta, weights, normalize: false);
        }

        double min = TensorPrimitives.Min(losses);
        TensorPrimitives.Subtract(losses, min, weights);
        TensorPrimitives.Multiply(weights, -eta, weights);
        TensorPrimitives.Max(weights, MinExponent, weights);
        TensorPrimitives.Exp(weights, weights);
        return TensorPrimitives.Sum<double>(weights);
    }

    /// <summary>Writes the normalized weights p ∝ exp(−η (L − min L)).</summary>
    /// <param name="losses">Cumulative losses L.</param>
    /// <param name="eta">The learning rate η ≥ 0 (finite).</param>
    /// <param name="probabilities">Receives p (may not alias <paramref name="losses"/>).</param>
    public static void Normalized(ReadOnlySpan<double> losses, double eta, Span<double> probabilities)
    {
        if (losses.Length <= SmallK)
        {
            Small(losses, eta, probabilities, normalize: true);
            return;
        }

        double sum = Unnormalized(losses, eta, probabilities);
        TensorPrimitives.Divide(probabilities, sum, probabilities);
    }

    /// <summary>
    /// Normalized weights for K ≤ 16 from losses kept padded: <paramref name="losses"/> and <paramref name="probabilities"/>
    /// hold 4, 8, 12 or 16 elements, the losses +∞ past K (the lanes past K receive 0). The same arithmetic as
    /// <see cref="Normalized"/> at K ≤ 16, bit for bit, for a fused loop that keeps its state padded (two-player self-play).
    /// </summary>
    /// <param name="losses">Cumulative losses, padded with +∞.</param>
    /// <param name="count">K, the real lanes.</param>
    /// <param name="eta">The learning rate η ≥ 0 (finite).</param>
    /// <param name="probabilities">Receives p, padded with zeros.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NormalizedPadded(double[] losses, int count, double eta, double[] probabilities)
    {
        int length = losses.Length;
        if (length == 0 || length % Width != 0 || length > SmallK || probabilities.Length < length || count > length)
        {
            throw new ArgumentException($"Padded losses hold 4, 8, 12 or 16 elements (got {length}) and the probabilities at least as many.", nameof(losses));
        }

        ref double z = ref MemoryMarshal.GetArrayDataReference(losses);
        var z0 = Vector256.LoadUnsafe(ref z);
        var z1 = length > Width ? Vector256.LoadUnsafe(ref z, Width) : Infinite;
        var z2 = length > 2 * Width ? Vector256.LoadUnsafe(ref z, 2 * Width) : Infinite;
        var z3 = length > 3 * Width ? Vector256.LoadUnsafe(ref z, 3 * Width) : Infinite;
        Core(ref z0, ref z1, ref z2, ref z3, count, eta, normalize: true);
        PaddedVectors.Store(probabilities, length, z0, z1, z2, z3);
    }

    private static Vector256<double> Infinite => Vector256.Create(double.PositiveInfinity);

    /// <summary>
    /// The path for K ≤ 16: at most four 4-wide vectors held in registers. Written by hand because TensorPrimitives'
    /// per-call cost dominates on a few elements (six calls a distribution at K = 10), and self-play's rounds form one
    /// latency chain through this function.
    /// </summary>
    /// <returns>Σ w (the weights written are divided by it when <paramref name="normalize"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Small(ReadOnlySpan<double> losses, double eta, Span<double> weights, bool normalize)
    {
        int k = losses.Length;
        weights = weights[..k];
        var w0 = Load(losses, 0);
        var w1 = k > Width ? Load(losses, Width) : Infinite;
        var w2 = k > 2 * Width ? Load(losses, 2 * Width) : Infinite;
        var w3 = k > 3 * Width ? Load(losses, 3 * Width) : Infinite;
        double sum = Core(ref w0, ref w1, ref w2, ref w3, k, eta, normalize);
        Store(w0, weights, 0);
        if (k > Width)
        {
            Store(w1, weights, Width);
        }

        if (k > 2 * Width)
        {
            Store(w2, weights, 2 * Width);
        }

        if (k > 3 * Width)
        {
            Store(w3, weights, 3 * Width);
        }

        return sum;
    }

    /// <summary>
    /// Losses (+∞ past K) in, weights out: wᵢ = exp(max(−η (Lᵢ − min L), −700)), zero past K, divided by their sum when
    /// <paramref name="normalize"/>; returns the sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Core(ref Vector256<double> z0, ref Vector256<double> z1, ref Vector256<double> z2, ref Vector256<double> z3, int count, double eta, bool normalize)
    {
        if (double.IsNaN(eta) || double.IsNaN(Vector256.Sum((z0 + z1) + (z2 + z3))))
        {
            // The native minimum and maximum below would drop a NaN; keep it visible, as the wide path does.
            z0 = z1 = z2 = z3 = Vector256.Create(double.NaN);
            return double.NaN;
        }

        // Native minimum and maximum (no NaN or signed-zero fix-ups: NaN is handled above, exp(−η·(±0)) = 1 either way).
        var least = Vector256.MinNative(Vector256.MinNative(z0, z1), Vector256.MinNative(z2, z3));
        var pair = Vector256.MinNative(least, Vector256.Shuffle(least, Vector256.Create(1L, 0, 3, 2)));
        var shift = Vector256.Create(Math.Min(pair[0], pair[2]));
        var scale = Vector256.Create(-eta);
        var floor = Vector256.Create(MinExponent);
        var k = Vector256.Create((double)count);
        var lane = Vector256.Create(0.0, 1.0, 2.0, 3.0);
        var step = Vector256.Create((double)Width);
        z0 = Vector256.MaxNative(scale * (z0 - shift), floor);
        z1 = Vector256.MaxNative(scale * (z1 - shift), floor);
        z2 = Vector256.MaxNative(scale * (z2 - shift), floor);
        z3 = Vector256.MaxNative(scale * (z3 - shift), floor);
        if (Vector512.IsHardwareAccelerated)
        {
            // Two 8-wide exponentials instead of up to four 4-wide ones (the same arithmetic lane by lane).
            var low = Vector512.Exp(Vector512.Create(z0, z1));
            (z0, z1) = (low.GetLower(), low.GetUpper());
            if (count > 2 * Width)
            {
                var high = Vector512.Exp(Vector512.Create(z2, z3));
                (z2, z3) = (high.GetLower(), high.GetUpper());
            }
        }
        else
        {
            z0 = Vector256.Exp(z0);
            z1 = count > Width ? Vector256.Exp(z1) : z1;
            z2 = count > 2 * Width ? Vector256.Exp(z2) : z2;
            z3 = count > 3 * Width ? Vector256.Exp(z3) : z3;
        }

        z0 &= Vector256.LessThan(lane, k);
        z1 &= Vector256.LessThan(lane + step, k);
        z2 &= Vector256.LessThan(lane + step + step, k);
        z3 &= Vector256.LessThan(lane + step + step + step, k);
        double sum = Vector256.Sum((z0 + z1) + (z2 + z3));
        if (normalize)
        {
            var total = Vector256.Create(sum);
            z0 /= total;
            if (count > Width)
            {
                z1 /= total;
            }

            if (count > 2 * Width)
            {
                z2 /= total;
            }

            if (count > 3 * Width)
            {
                z3 /= total;
            }
        }

        return sum;
    }

    /// <summary>Four elements from <paramref name="start"/>, +∞ past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> x, int start)
    {
        const double pad = double.PositiveInfinity;
        int left = x.Length - start;
        return left >= Width
            ? Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(x), (nuint)start)
            : Vector256.Create(x[start], left > 1 ? x[start + 1] : pad, left > 2 ? x[start + 2] : pad, pad);
    }

    /// <summary>Writes the lanes of <paramref name="v"/> that fall inside <paramref name="x"/> from <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> v, Span<double> x, int start)
    {
        int left = x.Length - start;
        if (left >= Width)
        {
            Vector256.StoreUnsafe(v, ref MemoryMarshal.GetReference(x), (nuint)start);
            return;
        }

        x[start] = v[0];
        if (left > 1)
        {
            x[start + 1] = v[1];
        }

        if (left > 2)
        {
            x[start + 2] = v[2];
        }
    }
}
