namespace Hindsight.Formats;

/// <summary>
/// Reads lines as spans over one growing buffer, so a reader parses a line without allocating a string for it:
/// chars from a <see cref="TextReader"/> (VW text) or UTF-8 bytes from a <see cref="Stream"/> (DSJson). A span is valid
/// until the next call. Line breaks are '\n' with an optional preceding '\r'.
/// </summary>
/// <typeparam name="T">char or byte.</typeparam>
internal sealed class LineReader<T>
    where T : unmanaged, IEquatable<T>
{
    private readonly Func<T[], int, int, int> _read;
    private readonly T _newline;
    private readonly T _return;
    private T[] _buffer = new T[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Creates a reader over a fill function (buffer, offset, count → items read, 0 at the end).</summary>
    public LineReader(Func<T[], int, int, int> read, T newline, T carriageReturn)
    {
        _read = read;
        _newline = newline;
        _return = carriageReturn;
    }

    /// <summary>The 1-based number of the last line read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line (without its line break).</summary>
    /// <param name="line">The line.</param>
    /// <returns>False at the end.</returns>
    public bool TryRead(out ReadOnlySpan<T> line)
    {
        int scanFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf(_newline);
            if (newline >= 0 || (_eof && _start < _end))
            {
                int stop = newline >= 0 ? scanFrom + newline : _end;
                line = _buffer.AsSpan(_start, stop - _start);
                _start = newline >= 0 ? stop + 1 : _end;
                LineNumber++;
                if (!line.IsEmpty && line[^1].Equals(_return))
                {
                    line = line[..^1];
                }

                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            int pending = _end - _start;
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, pending);
                _start = 0;
                _end = pending;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            scanFrom = _end;
            int read = _read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }
            else
            {
                _end += read;
            }
        }
    }
}
