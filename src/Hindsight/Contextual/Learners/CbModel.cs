using System.Text;

namespace Hindsight.Contextual.Learners;

/// <summary>
/// Saves and loads contextual-bandit learners in a versioned binary format. The whole state is saved — weights,
/// adaptive and normalization statistics, global sums, counters — so a loaded learner continues exactly, bit for
/// bit, as if it had never stopped (no "save_resume" switch to forget).
/// </summary>
/// <remarks>Layout: the ASCII magic <c>HSCB</c>, an int32 format version (1), the exploration rule and its parameters and
/// round, then the cost regressor (feature space, cb type, counters, then the touched weight-table entries).
/// Little-endian throughout (BinaryWriter).</remarks>
public static class CbModel
{
    /// <summary>The format version written.</summary>
    public const int Version = 1;

    private static readonly byte[] Magic = "HSCB"u8.ToArray();

    /// <summary>Writes a learner.</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="stream">The destination.</param>
    public static void Save(ExploringCbLearner learner, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write((int)learner.Rule);
        writer.Write(learner.Parameter);
        writer.Write(learner.Exponent);
        writer.Write(learner.Round);
        learner.Regressor.WriteTo(writer);
    }

    /// <summary>Writes a learner to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="path">The file.</param>
    public static void Save(ExploringCbLearner learner, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            Save(learner, file);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a learner.</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The learner, in the state it was saved.</returns>
    /// <exception cref="InvalidDataException">Not a Hindsight model, an unknown version, or truncated data.</exception>
    public static ExploringCbLearner Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            byte[] magic = reader.ReadBytes(4);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("not a Hindsight contextual-bandit model (no HSCB header)");
            }

            int version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"model format version {version}; this Hindsight reads version {Version}");
            }

            int rule = reader.ReadInt32();
            if (!Enum.IsDefined((ExplorationRule)rule))
            {
                throw new InvalidDataException($"unknown exploration rule {rule}");
            }

            float parameter = reader.ReadSingle(), exponent = reader.ReadSingle();
            long round = reader.ReadInt64();
            CostRegressor regressor = CostRegressor.ReadFrom(reader);
            return new ExploringCbLearner(regressor, (ExplorationRule)rule, parameter, exponent) { Round = round };
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the model is truncated");
        }
    }

    /// <summary>Reads a learner from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The learner.</returns>
    public static ExploringCbLearner Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }
}
