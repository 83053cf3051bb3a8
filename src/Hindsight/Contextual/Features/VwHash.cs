using System.Buffers;
using System.Text;
using Hindsight.Numerics;

namespace Hindsight.Contextual.Features;

/// <summary>
/// Vowpal Wabbit's feature hashing: a name is hashed with MurmurHash3 (x86, 32-bit) seeded by its namespace's hash;
/// a name made only of digits hashes to its value plus the seed; a namespace's hash is its name hashed with seed 0
/// (the default namespace, written "|" alone, hashes to 0). Quadratic features combine hashes as
/// (h₁ · 16777619) ⊕ h₂ (FNV prime), and the bias is the constant feature 11650396. Indices are hashes masked to
/// b bits.
/// </summary>
/// <remarks>Checked against VW's audit output in ../shared/data/vowpal-wabbit-cb-tests (e.g. a_1 → 143848 with 18 bits,
/// Constant → 116060).</remarks>
public static class VwHash
{
    /// <summary>VW's constant (bias) feature hash.</summary>
    public const uint Constant = 11650396;

    /// <summary>The FNV prime VW multiplies the first hash of an interaction by.</summary>
    public const uint FnvPrime = 16777619;

    /// <summary>The hash of a namespace name (seed 0); the empty name and a single space give 0.</summary>
    /// <param name="name">The namespace name.</param>
    /// <returns>The namespace hash.</returns>
    public static uint Namespace(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        return name.IsEmpty ? 0u : Feature(name, 0);
    }

    /// <summary>Hashes a feature name within a namespace, as VW's <c>hashstring</c> does (surrounding spaces trimmed).</summary>
    /// <param name="name">The feature name.</param>
    /// <param name="namespaceHash">The namespace's hash (the seed).</param>
    /// <returns>The feature hash.</returns>
    public static uint Feature(ReadOnlySpan<char> name, uint namespaceHash)
    {
        if (!name.IsEmpty && (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])))
        {
            name = name.Trim();
        }

        if (!name.IsEmpty && IsDigits(name))
        {
            uint value = 0;
            foreach (char c in name)
            {
                value = unchecked((value * 10) + (uint)(c - '0'));
            }

            return unchecked(value + namespaceHash);
        }

        if (name.Length <= 64)
        {
            // The common case, short ASCII names: narrow to bytes in a plain loop (names are a few characters long,
            // too short for the vectorized transcoders to pay for their setup).
            Span<byte> ascii = stackalloc byte[64];
            int i = 0;
            for (; i < name.Length && name[i] < 0x80; i++)
            {
                ascii[i] = (byte)name[i];
            }

            if (i == name.Length)
            {
                return Murmur3.Hash(ascii[..i], namespaceHash);
            }
        }

        int max = Encoding.UTF8.GetMaxByteCount(name.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int length = Encoding.UTF8.GetBytes(name, buffer);
            return Murmur3.Hash(buffer[..length], namespaceHash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Hashes a feature name given as UTF-8 bytes, with the same rules as <see cref="Feature"/>.</summary>
    /// <param name="name">The name's UTF-8 bytes.</param>
    /// <param name="namespaceHash">The namespace's hash (the seed).</param>
    /// <returns>The feature hash.</returns>
    public static uint FeatureUtf8(ReadOnlySpan<byte> name, uint namespaceHash)
    {
        name = name.Trim(" \t"u8);
        if (!name.IsEmpty)
        {
            bool digits = true;
            uint value = 0;
            foreach (byte b in name)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    digits = false;
                    break;
                }

                value = unchecked((value * 10) + (uint)(b - '0'));
            }

            if (digits)
            {
                return unchecked(value + namespaceHash);
            }
        }

        return Murmur3.Hash(name, namespaceHash);
    }

    /// <summary>Combines two hashes into an interaction hash: (a · FNV prime) ⊕ b.</summary>
    /// <param name="a">The first feature's hash.</param>
    /// <param name="b">The second feature's hash.</param>
    /// <returns>The interaction's hash.</returns>
    public static uint Interact(uint a, uint b) => unchecked(a * FnvPrime) ^ b;

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
