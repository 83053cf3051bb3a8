using System.IO.Compression;

namespace Hindsight.Formats;

/// <summary>Opens data files for streaming, decompressing gzip transparently (detected by its magic bytes, not the name).</summary>
public static class DataFile
{
    /// <summary>The path that names standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Opens a file as bytes; a gzip file is decompressed on the fly.</summary>
    /// <param name="path">The file, or "-" for standard input (pipes and devices are read too).</param>
    /// <returns>The (decompressed) byte stream.</returns>
    /// <exception cref="DataFormatException">The file cannot be opened.</exception>
    public static Stream OpenBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try
        {
            stream = path == StandardInput ? Console.OpenStandardInput(1 << 16)
                : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, 0, string.Empty, $"cannot open the file: {ex.Message}");
        }

        if (stream.CanSeek)
        {
            Span<byte> magic = stackalloc byte[2];
            int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = 0;
            return read == 2 && IsGzip(magic) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        }

        // A pipe: peek at the first bytes and replay them.
        byte[] head = new byte[2];
        int got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        var replay = new PrefixedStream(head, got, stream);
        return got == 2 && IsGzip(head) ? new GZipStream(replay, CompressionMode.Decompress) : replay;
    }

    private static bool IsGzip(ReadOnlySpan<byte> magic) => magic[0] == 0x1f && magic[1] == 0x8b;

    /// <summary>Opens a file as UTF-8 text; a gzip file is decompressed on the fly.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A reader over the text.</returns>
    /// <exception cref="DataFormatException">The file cannot be opened.</exception>
    public static TextReader OpenText(string path)
        => new StreamReader(OpenBytes(path), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
}
