namespace Hindsight.Formats;

/// <summary>Reads lines of UTF-8 bytes as spans over one growing buffer (no string per line). A span is valid until the next call.</summary>
internal sealed class ByteLineReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The 1-based number of the last line read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line (without its line break; a UTF-8 byte-order mark on the first line is dropped).</summary>
    /// <param name="line">The line.</param>
    /// <returns>False at the end.</returns>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        int scanFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0 || (_eof && _start < _end))
            {
                int stop = newline >= 0 ? scanFrom + newline : _end;
                line = _buffer.AsSpan(_start, stop - _start);
                _start = newline >= 0 ? stop + 1 : _end;
                LineNumber++;
                if (!line.IsEmpty && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (LineNumber == 1 && line.StartsWith("\uFEFF"u8))
                {
                    line = line[3..];
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
            int read = stream.Read(_buffer, _end, _buffer.Length - _end);
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
