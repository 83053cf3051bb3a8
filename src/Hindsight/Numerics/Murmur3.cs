using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Hindsight.Numerics;

/// <summary>
/// MurmurHash3, x86 32-bit variant (Austin Appleby, public domain): the hash Vowpal Wabbit uses for feature and
/// namespace names, so that features hashed here land on the same indices as VW's.
/// </summary>
/// <remarks>Written here because VW compatibility needs this exact function and seed handling; .NET ships
/// xxHash and CRC (System.IO.Hashing) but not MurmurHash3.</remarks>
public static class Murmur3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>Hashes bytes with a seed.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The 32-bit hash.</returns>
    public static uint Hash(ReadOnlySpan<byte> data, uint seed)
    {
        uint h = seed;
        int blocks = data.Length / 4;
        for (int i = 0; i < blocks; i++)
        {
            uint k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k *= C1;
            k = BitOperations.RotateLeft(k, 15);
            k *= C2;
            h ^= k;
            h = BitOperations.RotateLeft(h, 13);
            h = (h * 5) + 0xe6546b64;
        }

        ReadOnlySpan<byte> tail = data[(blocks * 4)..];
        uint t = 0;
        switch (tail.Length)
        {
            case 3:
                t ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                t ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                t ^= tail[0];
                t *= C1;
                t = BitOperations.RotateLeft(t, 15);
                t *= C2;
                h ^= t;
                break;
        }

        h ^= (uint)data.Length;
        return Mix(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
