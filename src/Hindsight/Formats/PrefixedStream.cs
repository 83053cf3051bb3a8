namespace Hindsight.Formats;

/// <summary>
/// A read-only stream that yields a few bytes already read (a magic-number peek) and then the rest of an inner stream,
/// so a pipe can be sniffed for gzip without seeking. No package offers this; it is a few lines.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int length, Stream inner) : Stream
{
    private int _next;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_next < length && !buffer.IsEmpty)
        {
            int n = Math.Min(length - _next, buffer.Length);
            prefix.AsSpan(_next, n).CopyTo(buffer);
            _next += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
