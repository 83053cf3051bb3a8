using System.Text;

namespace Hindsight.Contextual.Learners;

/// <summary>
/// Saves and loads contextual-bandit learners in a versioned binary format. The whole state is saved — weights,
/// adaptive and normalization statistics, global sums, counters — so a loaded learner continues exactly, bit for
/// bit, as if it had never stopped (no "save_resume" switch to forget).
/// </summary>
/// <remarks>Layout: the ASCII magic <c>HSCB</c>, an int32 format version (1), an int32 kind (0: an exploring learner,
/// 1: bagging); for kind 0 the exploration rule, its parameters and round, then the cost regressor (feature space,
/// cb type, counters, then the touched weight-table entries); for kind 1 the Poisson generator's state, the number of
/// bags and each bag's regressor. Little-endian throughout (BinaryWriter).</remarks>
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
        writer.Write(0);
        writer.Write((int)learner.Rule);
        writer.Write(learner.Parameter);
        writer.Write(learner.Exponent);
        writer.Write(learner.Round);
        learner.Regressor.WriteTo(writer);
    }

    /// <summary>Writes a bagging learner.</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="stream">The destination.</param>
    public static void Save(BaggingCbLearner learner, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(1);
        Span<ulong> state = stackalloc ulong[4];
        learner.Random.GetState(state);
        foreach (ulong word in state)
        {
            writer.Write(word);
        }

        writer.Write(learner.Bags.Count);
        foreach (CostRegressor bag in learner.Bags)
        {
            bag.WriteTo(writer);
        }
    }

    /// <summary>Writes a learner to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="learner">An <see cref="ExploringCbLearner"/> or a <see cref="BaggingCbLearner"/>.</param>
    /// <param name="path">The file.</param>
    public static void Save(IContextualLearner learner, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            switch (learner)
            {
                case ExploringCbLearner exploring:
                    Save(exploring, file);
                    break;
                case BaggingCbLearner bagging:
                    Save(bagging, file);
                    break;
                default:
                    throw new ArgumentException($"No model format for {learner?.GetType().Name}.", nameof(learner));
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a learner (an <see cref="ExploringCbLearner"/> or a <see cref="BaggingCbLearner"/>).</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The learner, in the state it was saved.</returns>
    /// <exception cref="InvalidDataException">Not a Hindsight model, an unknown version, or truncated data.</exception>
    public static IContextualLearner Load(Stream stream)
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

            int kind = reader.ReadInt32();
            if (kind == 1)
            {
                Span<ulong> state = stackalloc ulong[4];
                for (int i = 0; i < 4; i++)
                {
                    state[i] = reader.ReadUInt64();
                }

                int count = reader.ReadInt32();
                if (count is < 1 or > 1000)
                {
                    throw new InvalidDataException($"invalid number of bags {count}");
                }

                var bags = new CostRegressor[count];
                for (int b = 0; b < count; b++)
                {
                    bags[b] = CostRegressor.ReadFrom(reader);
                }

                var bagging = new BaggingCbLearner(bags);
                bagging.Random.SetState(state);
                return bagging;
            }

            if (kind != 0)
            {
                throw new InvalidDataException($"unknown learner kind {kind}");
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
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new InvalidDataException($"the model is corrupt: {ex.Message}");
        }
    }

    /// <summary>Reads a learner from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The learner.</returns>
    public static IContextualLearner Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }
}
