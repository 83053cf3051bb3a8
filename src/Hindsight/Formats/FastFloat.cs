using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Hindsight.Formats;

/// <summary>
/// Parses the short decimals that fill feature files ("0.25", "-1.5", "3") several times faster than
/// <see cref="float.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out float)"/>, with the same result: with at most
/// 7 significant digits and 10 decimals, m / 10ᵏ divides two exactly representable floats, so the quotient is
/// correctly rounded. Anything else (exponents, more digits, inf, nan) goes to the framework's parser.
/// </summary>
/// <remarks>Written here because parsing numbers was the largest cost of reading VW text; the framework parser stays
/// the reference for every case outside the fast path.</remarks>
internal static class FastFloat
{
    private static readonly float[] Powers = [1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    /// <summary>Parses UTF-16 text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out float value) => TryParse<char>(text, out value);

    /// <summary>Parses UTF-8 text.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out float value) => TryParse<byte>(text, out value);

    private static bool Fallback<T>(ReadOnlySpan<T> text, out float value)
        where T : unmanaged, IBinaryInteger<T>
        => typeof(T) == typeof(char)
            ? float.TryParse(MemoryMarshal.Cast<T, char>(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            : float.TryParse(MemoryMarshal.Cast<T, byte>(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryParse<T>(ReadOnlySpan<T> text, out float value)
        where T : unmanaged, IBinaryInteger<T>
    {
        T minus = T.CreateTruncating('-'), plus = T.CreateTruncating('+'), dot = T.CreateTruncating('.');
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] == minus || text[0] == plus))
        {
            negative = text[0] == minus;
            i = 1;
        }

        uint mantissa = 0;
        int digits = 0, decimals = 0;
        bool point = false, any = false;
        for (; i < text.Length; i++)
        {
            uint d = uint.CreateTruncating(text[i]) - '0';
            if (d <= 9)
            {
                any = true;
                if (mantissa != 0 || d != 0)
                {
                    digits++;
                }

                mantissa = (mantissa * 10) + d;
                if (point)
                {
                    decimals++;
                }

                if (digits > 7 || decimals > 10)
                {
                    return Fallback(text, out value);
                }
            }
            else if (text[i] == dot && !point)
            {
                point = true;
            }
            else
            {
                return Fallback(text, out value);
            }
        }

        if (!any)
        {
            return Fallback(text, out value);
        }

        value = Compose(mantissa, decimals, negative);
        return true;
    }

    /// <summary>±m / 10ᵏ for a mantissa of at most 7 significant digits and k ≤ 10 (correctly rounded, see above).</summary>
    public static float Compose(uint mantissa, int decimals, bool negative)
    {
        float value = mantissa / Powers[decimals];
        return negative ? -value : value;
    }
}
