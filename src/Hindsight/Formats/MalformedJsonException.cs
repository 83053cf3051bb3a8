namespace Hindsight.Formats;

/// <summary>A JSON syntax error found by <see cref="JsonScanner"/>; readers turn it into a <see cref="DataFormatException"/>.</summary>
internal sealed class MalformedJsonException(string message) : Exception(message);
