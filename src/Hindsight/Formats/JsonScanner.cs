using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Hindsight.Formats;

/// <summary>
/// A validating, forward-only scanner of one JSON text held in a UTF-8 span: objects, arrays, strings (with every
/// escape), numbers (RFC 8259 grammar), literals; nesting bounded by <see cref="MaxDepth"/>. Errors throw
/// <see cref="MalformedJsonException"/> with the byte offset.
/// </summary>
/// <remarks>Written here instead of using System.Text.Json's <c>Utf8JsonReader</c> because that reader's token state
/// machine alone cost about 6 µs per Decision Service event (≈240 tokens) — more than learning from the event — while
/// a DSJson reader needs only to walk one line once, looking at a handful of keys. The scanner accepts exactly the
/// JSON grammar (a property test checks it against <c>System.Text.Json</c> on mutated events); it does not check
/// that strings are valid UTF-8 beyond their escapes.</remarks>
internal ref struct JsonScanner
{
    /// <summary>The deepest nesting accepted (as <c>Utf8JsonReader</c>'s default).</summary>
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private int _depth;

    /// <summary>Creates a scanner at the start of a JSON text.</summary>
    public JsonScanner(ReadOnlySpan<byte> json) => _json = json;

    /// <summary>The kinds of JSON value, as named in error messages.</summary>
    public enum Kind
    {
        /// <summary>An object.</summary>
        Object,

        /// <summary>An array.</summary>
        Array,

        /// <summary>A string.</summary>
        String,

        /// <summary>A number.</summary>
        Number,

        /// <summary>The literal true.</summary>
        True,

        /// <summary>The literal false.</summary>
        False,

        /// <summary>The literal null.</summary>
        Null,
    }

    /// <summary>The offset of the next unread byte.</summary>
    public readonly int Position => _pos;

    /// <summary>Moves back to an earlier offset at the same nesting depth (to parse a value that was skipped).</summary>
    public void Seek(int position) => _pos = position;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> Rest => _json[_pos..];

    /// <summary>The raw bytes between two offsets.</summary>
    public readonly ReadOnlySpan<byte> Slice(int start, int end) => _json[start..end];

    /// <summary>The lower-case name of a kind, for messages.</summary>
    public static string Name(Kind kind) => kind switch
    {
        Kind.Object => "object",
        Kind.Array => "array",
        Kind.String => "string",
        Kind.Number => "number",
        Kind.True => "true",
        Kind.False => "false",
        _ => "null",
    };

    /// <summary>The kind of the next value (after whitespace), without consuming it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Kind PeekKind()
    {
        byte b = Peek();
        return b switch
        {
            (byte)'{' => Kind.Object,
            (byte)'[' => Kind.Array,
            (byte)'"' => Kind.String,
            (byte)'t' => Kind.True,
            (byte)'f' => Kind.False,
            (byte)'n' => Kind.Null,
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => Kind.Number,
            0 when _pos >= _json.Length => throw Error("unexpected end of the line: a value is missing"),
            _ => throw Error($"unexpected character '{(char)b}' where a value should start"),
        };
    }

    /// <summary>Consumes the '{' that starts an object.</summary>
    public void BeginObject()
    {
        Expect((byte)'{');
        Enter();
    }

    /// <summary>Consumes the '[' that starts an array.</summary>
    public void BeginArray()
    {
        Expect((byte)'[');
        Enter();
    }

    /// <summary>
    /// Moves to the next member of the current object: consumes its key and ':' and returns true, or consumes the
    /// closing '}' and returns false.
    /// </summary>
    /// <param name="first">True before the first member (no ',' expected); set to false.</param>
    /// <param name="key">The key, unescaped.</param>
    public bool NextMember(ref bool first, out ReadOnlySpan<byte> key)
    {
        if (Peek() == (byte)'}')
        {
            _pos++;
            _depth--;
            key = default;
            return false;
        }

        if (!first)
        {
            Expect((byte)',');
        }

        first = false;
        if (Peek() != (byte)'"')
        {
            throw Error("expected a property name in double quotes");
        }

        key = ReadString();
        Expect((byte)':');
        return true;
    }

    /// <summary>
    /// Moves to the next element of the current array: returns true when one follows (its ',' consumed), or consumes
    /// the closing ']' and returns false.
    /// </summary>
    /// <param name="first">True before the first element; set to false.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextElement(ref bool first)
    {
        byte b = Peek();
        if (b == (byte)']')
        {
            _pos++;
            _depth--;
            return false;
        }

        if (!first)
        {
            Expect((byte)',');
        }

        first = false;
        return true;
    }

    /// <summary>Reads a string value and returns its bytes, unescaped (a copy only when it holds escapes).</summary>
    public ReadOnlySpan<byte> ReadString()
    {
        Expect((byte)'"');
        int start = _pos;

        // A plain loop: keys and values in feature logs are a few bytes long, too short for vectorized searches to pay.
        for (int i = start; i < _json.Length; i++)
        {
            byte b = _json[i];
            if (b == (byte)'"')
            {
                _pos = i + 1;
                return _json[start..i];
            }

            if (b == (byte)'\\')
            {
                return ReadEscapedString(start);
            }

            if (b < 0x20)
            {
                _pos = i;
                throw Error("control character in a string");
            }
        }

        _pos = _json.Length;
        throw Error("unterminated string");
    }

    /// <summary>Reads a number value and returns its text, checked against the JSON number grammar.</summary>
    public ReadOnlySpan<byte> ReadNumberText()
    {
        Peek();
        int start = _pos;
        if (At((byte)'-'))
        {
            _pos++;
        }

        if (At((byte)'0'))
        {
            _pos++;
        }
        else if (Digits() == 0)
        {
            throw Error("a number needs digits");
        }

        if (At((byte)'.'))
        {
            _pos++;
            if (Digits() == 0)
            {
                throw Error("a number needs digits after '.'");
            }
        }

        if (At((byte)'e') || At((byte)'E'))
        {
            _pos++;
            if (At((byte)'+') || At((byte)'-'))
            {
                _pos++;
            }

            if (Digits() == 0)
            {
                throw Error("a number needs digits in its exponent");
            }
        }

        return _json[start.._pos];
    }

    /// <summary>Reads a number as a double (correctly rounded; overflow gives ±∞).</summary>
    public double ReadDouble() => double.Parse(ReadNumberText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a number as a float (correctly rounded; overflow gives ±∞). Short decimals are converted while the
    /// grammar is checked, in one pass, exactly as <see cref="FastFloat"/> converts them; others go to the framework.
    /// </summary>
    public float ReadSingle()
    {
        Peek();
        int start = _pos;
        bool negative = At((byte)'-');
        if (negative)
        {
            _pos++;
        }

        uint mantissa = 0;
        int significant = 0, decimals = 0;
        if (At((byte)'0'))
        {
            _pos++;
        }
        else if (Accumulate(ref mantissa, ref significant) == 0)
        {
            throw Error("a number needs digits");
        }

        if (At((byte)'.'))
        {
            _pos++;
            decimals = Accumulate(ref mantissa, ref significant);
            if (decimals == 0)
            {
                throw Error("a number needs digits after '.'");
            }
        }

        bool exponent = At((byte)'e') || At((byte)'E');
        if (exponent)
        {
            _pos++;
            if (At((byte)'+') || At((byte)'-'))
            {
                _pos++;
            }

            if (Digits() == 0)
            {
                throw Error("a number needs digits in its exponent");
            }
        }

        return !exponent && significant <= 7 && decimals <= 10
            ? FastFloat.Compose(mantissa, decimals, negative)
            : float.Parse(_json[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a number; returns whether it is a whole number that fits an int.</summary>
    public bool TryReadInt32(out int value)
    {
        ReadOnlySpan<byte> text = ReadNumberText();
        return Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length;
    }

    /// <summary>Reads the literal true, false or null; returns true only for <c>true</c>.</summary>
    public bool ReadLiteral()
    {
        ReadOnlySpan<byte> rest = _json[_pos..];
        if (rest.StartsWith("true"u8))
        {
            _pos += 4;
            return true;
        }

        if (rest.StartsWith("false"u8))
        {
            _pos += 5;
            return false;
        }

        if (rest.StartsWith("null"u8))
        {
            _pos += 4;
            return false;
        }

        throw Error("expected true, false or null");
    }

    /// <summary>Skips one value of any kind, checking its syntax.</summary>
    public void Skip()
    {
        switch (PeekKind())
        {
            case Kind.Object:
                {
                    BeginObject();
                    bool first = true;
                    while (NextMember(ref first, out _))
                    {
                        Skip();
                    }

                    break;
                }

            case Kind.Array:
                {
                    BeginArray();
                    bool first = true;
                    while (NextElement(ref first))
                    {
                        Skip();
                    }

                    break;
                }

            case Kind.String:
                ReadString();
                break;
            case Kind.Number:
                ReadNumberText();
                break;
            default:
                ReadLiteral();
                break;
        }
    }

    /// <summary>Checks that nothing but whitespace follows.</summary>
    public void ExpectEnd()
    {
        if (Peek() != 0 || _pos < _json.Length)
        {
            throw Error($"unexpected '{(char)_json[_pos]}' after the end of the JSON value");
        }
    }

    /// <summary>An exception for a syntax error at the current position.</summary>
    public readonly MalformedJsonException Error(string message) => new($"{message} (byte {_pos + 1})");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte Peek()
    {
        if (_pos < _json.Length && _json[_pos] > (byte)' ')
        {
            return _json[_pos]; // the common case: no whitespace before the next token
        }

        return PeekAfterSpace();
    }

    private byte PeekAfterSpace()
    {
        while (_pos < _json.Length && IsSpace(_json[_pos]))
        {
            _pos++;
        }

        return _pos < _json.Length ? _json[_pos] : (byte)0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool At(byte b) => _pos < _json.Length && _json[_pos] == b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Expect(byte b)
    {
        if (Peek() != b || _pos >= _json.Length)
        {
            throw Error(_pos >= _json.Length ? $"unexpected end of the line: expected '{(char)b}'" : $"expected '{(char)b}', found '{(char)_json[_pos]}'");
        }

        _pos++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth}");
        }
    }

    /// <summary>Consumes digits into a decimal mantissa, counting significant digits (after the first non-zero one).</summary>
    private int Accumulate(ref uint mantissa, ref int significant)
    {
        int start = _pos;
        while (_pos < _json.Length)
        {
            uint d = _json[_pos] - (uint)'0';
            if (d > 9)
            {
                break;
            }

            if (mantissa != 0 || d != 0)
            {
                significant++;
            }

            mantissa = unchecked((mantissa * 10) + d);
            _pos++;
        }

        return _pos - start;
    }

    private int Digits()
    {
        int start = _pos;
        while (_pos < _json.Length && _json[_pos] - (uint)'0' <= 9)
        {
            _pos++;
        }

        return _pos - start;
    }

    private ReadOnlySpan<byte> ReadEscapedString(int start)
    {
        var output = new List<byte>(32);
        _pos = start;
        while (true)
        {
            if (_pos >= _json.Length)
            {
                throw Error("unterminated string");
            }

            byte b = _json[_pos++];
            if (b == (byte)'"')
            {
                return output.ToArray();
            }

            if (b < 0x20)
            {
                _pos--;
                throw Error("control character in a string");
            }

            if (b != (byte)'\\')
            {
                output.Add(b);
                continue;
            }

            if (_pos >= _json.Length)
            {
                throw Error("unterminated string");
            }

            byte e = _json[_pos++];
            switch (e)
            {
                case (byte)'"' or (byte)'\\' or (byte)'/':
                    output.Add(e);
                    break;
                case (byte)'b':
                    output.Add(8);
                    break;
                case (byte)'f':
                    output.Add(12);
                    break;
                case (byte)'n':
                    output.Add(10);
                    break;
                case (byte)'r':
                    output.Add(13);
                    break;
                case (byte)'t':
                    output.Add(9);
                    break;
                case (byte)'u':
                    AppendCodePoint(output);
                    break;
                default:
                    _pos--;
                    throw Error($"invalid escape '\\{(char)e}'");
            }
        }
    }

    private void AppendCodePoint(List<byte> output)
    {
        int unit = ReadHex4();
        if (char.IsHighSurrogate((char)unit) && _pos + 1 < _json.Length && _json[_pos] == (byte)'\\' && _json[_pos + 1] == (byte)'u')
        {
            _pos += 2;
            int low = ReadHex4();
            if (char.IsLowSurrogate((char)low))
            {
                unit = char.ConvertToUtf32((char)unit, (char)low);
            }
            else
            {
                AppendRune(output, 0xFFFD); // an unpaired surrogate becomes U+FFFD, as System.Text.Json does
                unit = char.IsSurrogate((char)low) ? 0xFFFD : low;
            }
        }
        else if (char.IsSurrogate((char)unit))
        {
            unit = 0xFFFD;
        }

        AppendRune(output, unit);
    }

    private static void AppendRune(List<byte> output, int codePoint)
    {
        Span<byte> utf8 = stackalloc byte[4];
        int n = new Rune(codePoint).EncodeToUtf8(utf8);
        for (int i = 0; i < n; i++)
        {
            output.Add(utf8[i]);
        }
    }

    private int ReadHex4()
    {
        if (_pos + 4 > _json.Length)
        {
            throw Error("unterminated \\u escape");
        }

        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            int h = Hex(_json[_pos + i]);
            if (h < 0)
            {
                _pos += i;
                throw Error("invalid \\u escape");
            }

            value = (value << 4) | h;
        }

        _pos += 4;
        return value;
    }
}
