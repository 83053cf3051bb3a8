namespace Hindsight.Formats;

/// <summary>
/// Reads lines as spans over one growing char buffer, so a reader parses a line without allocating a string for it.
/// A span is valid until the next call.
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The 1-based number of the last line read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line (without its line break).</summary>
    /// <param name="line">The line.</param>
    /// <returns>False at the end of the text.</returns>
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        int scanFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf('\n');
            if (newline >= 0)
            {
                int stop = scanFrom + newline;
                line = _buffer.AsSpan(_start, stop - _start);
                _start = stop + 1;
                LineNumber++;
                if (!line.IsEmpty && line[^1] == '\r')
                {
                    line = line[..^1];
                }

                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    line = _buffer.AsSpan(_start, _end - _start);
                    _start = _end;
                    LineNumber++;
                    if (!line.IsEmpty && line[^1] == '\r')
                    {
                        line = line[..^1];
                    }

                    return true;
                }

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
            int read = reader.Read(_buffer, _end, _buffer.Length - _end);
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
