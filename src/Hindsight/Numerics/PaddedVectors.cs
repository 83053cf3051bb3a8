using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hindsight.Numerics;

/// <summary>Up to four 4-wide vectors held in registers, written to an array padded to whole vectors (the small-K
/// paths of exponential weights and of two-player self-play).</summary>
internal static class PaddedVectors
{
    private const int Width = 4; // Vector256<double>

    /// <summary>Writes v₀ … v₃ to the first <paramref name="length"/> elements (4, 8, 12 or 16, at most the array's length,
    /// checked by the caller) of <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double[] destination, int length, Vector256<double> v0, Vector256<double> v1, Vector256<double> v2, Vector256<double> v3)
    {
        ref double d = ref MemoryMarshal.GetArrayDataReference(destination);
        Vector256.StoreUnsafe(v0, ref d);
        if (length > Width)
        {
            Vector256.StoreUnsafe(v1, ref d, Width);
        }

        if (length > 2 * Width)
        {
            Vector256.StoreUnsafe(v2, ref d, 2 * Width);
        }

        if (length > 3 * Width)
        {
            Vector256.StoreUnsafe(v3, ref d, 3 * Width);
        }
    }
}
