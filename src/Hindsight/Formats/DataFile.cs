using System.IO.Compression;

namespace Hindsight.Formats;

/// <summary>Opens data files for streaming, decompressing gzip transparently (detected by its magic bytes, not the name).</summary>
public static class DataFile
{
    /// <summary>Opens a file as bytes; a gzip file is decompressed on the fly.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The (decompressed) byte stream.</returns>
    /// <exception cref="DataFormatException">The file cannot be opened.</exception>
    public static Stream OpenBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, 0, string.Empty, $"cannot open the file: {ex.Message}");
        }

        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new DataFormatException(path, 0, string.Empty, "cannot read a pipe or device: give a regular file");
        }

        Span<byte> magic = stackalloc byte[2];
        int read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Opens a file as UTF-8 text; a gzip file is decompressed on the fly.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A reader over the text.</returns>
    /// <exception cref="DataFormatException">The file cannot be opened.</exception>
    public static TextReader OpenText(string path)
        => new StreamReader(OpenBytes(path), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
}
