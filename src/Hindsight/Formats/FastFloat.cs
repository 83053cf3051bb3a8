using System.Globalization;

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

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        uint mantissa = 0;
        int digits = 0, decimals = 0;
        bool point = false, any = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c is >= '0' and <= '9')
            {
                any = true;
                if (mantissa != 0 || c != '0')
                {
                    digits++;
                }

                mantissa = (mantissa * 10) + (uint)(c - '0');
                if (point)
                {
                    decimals++;
                }

                if (digits > 7 || decimals > 10)
                {
                    return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
                }
            }
            else if (c == '.' && !point)
            {
                point = true;
            }
            else
            {
                return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }
        }

        if (!any)
        {
            return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = mantissa / Powers[decimals];
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
