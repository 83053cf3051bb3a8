using System.Text;
using System.Text.Json;
using Hindsight.Regret;
using Hindsight.Simulation;

namespace Hindsight.Reports;

/// <summary>
/// Writes <c>results.json</c>, format 1 (see docs/results-format.md): keys are a contract; new keys may be added,
/// none renamed or dropped without bumping <c>format</c>. Numbers are plain JSON numbers, never NaN or Infinity
/// (null with a note instead). Only <c>seconds</c> and <c>roundsPerSecond</c> depend on the machine.
/// </summary>
public static class ResultsJson
{
    /// <summary>The format version written.</summary>
    public const int Format = 1;

    /// <summary>Hindsight's version, written as <c>version</c>.</summary>
    public static string Version { get; } = typeof(Runner).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>Serializes a result to UTF-8 JSON.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The JSON bytes (indented, ending with a newline).</returns>
    public static byte[] ToUtf8(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(w => Write(w, result));
    }

    /// <summary>Runs a writer over an indented UTF-8 JSON document (non-ASCII text kept as is) and ends it with a newline.</summary>
    internal static byte[] Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    /// <summary>Writes a named array of whole numbers.</summary>
    internal static void WriteIntegers(Utf8JsonWriter w, string name, IEnumerable<long> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (long v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter w, ExperimentResult result)
    {
        Experiment e = result.Experiment;
        w.WriteStartObject();
        w.WriteNumber("format", Format);
        w.WriteString("version", Version);
        w.WriteString("experiment", e.Name);
        w.WriteNumber("seed", e.Seed);
        w.WriteNumber("runs", e.Runs);
        w.WriteNumber("horizon", e.Horizon);
        w.WriteBoolean("partial", result.Partial);
        w.WritePropertyName("spec");
        WriteSpec(w, e);
        WriteIntegers(w, "checkpoints", result.Checkpoints);
        w.WritePropertyName("results");
        w.WriteStartArray();
        foreach (PairResult pair in result.Pairs)
        {
            WritePair(w, pair);
        }

        w.WriteEndArray();
        if (result.Sweep is { } sweep)
        {
            w.WritePropertyName("sweep");
            WriteSweep(w, sweep);
        }

        w.WritePropertyName("notes");
        w.WriteStartArray();
        foreach (string note in result.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSpec(Utf8JsonWriter w, Experiment e)
    {
        w.WriteStartObject();
        w.WriteString("name", e.Name);
        if (e.Description is not null)
        {
            w.WriteString("description", e.Description);
        }

        w.WriteNumber("horizon", e.Horizon);
        w.WriteNumber("runs", e.Runs);
        w.WriteNumber("seed", e.Seed);
        w.WritePropertyName("meters");
        w.WriteStartArray();
        foreach (string m in e.Meters)
        {
            w.WriteStringValue(m);
        }

        w.WriteEndArray();
        if (e.Meters.Contains("switching"))
        {
            WriteNumber(w, "switchingCost", e.SwitchingCost);
        }

        if (e.Horizons is { Count: > 0 } horizons)
        {
            WriteIntegers(w, "horizons", horizons);
        }

        w.WritePropertyName("environments");
        w.WriteStartArray();
        foreach (EnvironmentSetup env in e.Environments)
        {
            WriteEntry(w, env.Name, env.Kind, env.Parameters, env.Environment.Arms);
        }

        w.WriteEndArray();
        w.WritePropertyName("learners");
        w.WriteStartArray();
        foreach (LearnerSetup learner in e.Learners)
        {
            WriteEntry(w, learner.Name, learner.Kind, learner.Parameters, null);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Opens a study's results.json: <c>format</c>, <c>version</c>, <c>experiment</c> and the spec's <c>kind</c>.</summary>
    internal static void WriteHeader(Utf8JsonWriter w, string experiment, string kind)
    {
        w.WriteStartObject();
        w.WriteNumber("format", Format);
        w.WriteString("version", Version);
        w.WriteString("experiment", experiment);
        w.WriteString("kind", kind);
    }

    /// <summary>An array of spec entries (name, kind, parameters) under a key.</summary>
    internal static void WriteEntries(Utf8JsonWriter w, string name, IEnumerable<(string Name, string Kind, IReadOnlyList<KeyValuePair<string, object?>> Parameters)> entries)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var (entry, kind, parameters) in entries)
        {
            WriteEntry(w, entry, kind, parameters);
        }

        w.WriteEndArray();
    }

    /// <summary>Writes <c>{"name", "kind", ["arms",] parameter: value…}</c>, values of any parameter type.</summary>
    internal static void WriteEntry(Utf8JsonWriter w, string name, string kind, IReadOnlyList<KeyValuePair<string, object?>> parameters, int? arms = null)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("kind", kind);
        if (arms is { } k)
        {
            w.WriteNumber("arms", k);
        }

        foreach (var (key, value) in parameters)
        {
            w.WritePropertyName(key);
            WriteValue(w, value);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes a parameter value (number, bool, text, list or table).</summary>
    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case double d:
                WriteNumber(w, d);
                break;
            case double[][] table:
                w.WriteStartArray();
                foreach (double[] row in table)
                {
                    WriteValue(w, row);
                }

                w.WriteEndArray();
                break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (object? item in list)
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WritePair(Utf8JsonWriter w, PairResult pair)
    {
        w.WriteStartObject();
        w.WriteString("environment", pair.Environment.Name);
        w.WriteString("learner", pair.Learner.Name);
        w.WriteString("environmentKind", pair.Environment.Kind);
        w.WriteString("learnerKind", pair.Learner.Kind);
        w.WritePropertyName("parameters");
        w.WriteStartObject();
        foreach (var (key, value) in pair.Learner.Parameters)
        {
            w.WritePropertyName(key);
            WriteValue(w, value);
        }

        w.WriteEndObject();
        w.WriteNumber("runsCompleted", pair.RunsCompleted);
        WriteRegrets(w, pair.Meters.Where(m => m.Kind == MeterKind.Regret));
        foreach (MeterResult m in pair.Meters.Where(m => m.Kind != MeterKind.Regret))
        {
            w.WritePropertyName(m.Name);
            w.WriteStartObject();
            WriteFinal(w, m.Final);
            w.WriteEndObject();
        }

        w.WriteNumber("seconds", Finite(pair.Seconds));
        w.WriteNumber("roundsPerSecond", Finite(pair.RoundsPerSecond));
        w.WriteEndObject();
    }

    /// <summary>
    /// The horizon sweep: <c>{"horizons": [T…], "results": [{"environment", "learner", "regret": {NAME: {"final":
    /// [{"mean", "sd", "ci95"} or null per T], "rate": {"exponent", "r2", "from", "to"}}}}]}</c>.
    /// </summary>
    private static void WriteSweep(Utf8JsonWriter w, HorizonSweep sweep)
    {
        w.WriteStartObject();
        WriteIntegers(w, "horizons", sweep.Horizons);
        w.WritePropertyName("results");
        w.WriteStartArray();
        foreach (SweepPair pair in sweep.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("environment", pair.Environment);
            w.WriteString("learner", pair.Learner);
            w.WritePropertyName("regret");
            w.WriteStartObject();
            foreach (SweepMeter m in pair.Meters)
            {
                w.WritePropertyName(m.Name);
                w.WriteStartObject();
                w.WritePropertyName("final");
                w.WriteStartArray();
                foreach (Statistic? s in m.Finals)
                {
                    if (s is { } v)
                    {
                        w.WriteStartObject();
                        WriteStatistic(w, v);
                        w.WriteEndObject();
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                }

                w.WriteEndArray();
                WriteRate(w, m.Rate);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes <c>"regret": {NAME: regret…}</c>, one entry a meter (<see cref="WriteRegret"/>).</summary>
    internal static void WriteRegrets(Utf8JsonWriter w, IEnumerable<MeterResult> meters)
    {
        w.WritePropertyName("regret");
        w.WriteStartObject();
        foreach (MeterResult m in meters)
        {
            w.WritePropertyName(m.Name);
            WriteRegret(w, m);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes one regret: <c>{"final": …, "curve": {"mean", "lo", "hi"}, "rate": …}</c> (rate when fitted).</summary>
    internal static void WriteRegret(Utf8JsonWriter w, MeterResult m)
    {
        w.WriteStartObject();
        WriteFinal(w, m.Final);
        w.WritePropertyName("curve");
        w.WriteStartObject();
        WriteSeries(w, "mean", m.Curve.Select(s => (double?)s.Mean));
        WriteSeries(w, "lo", m.Curve.Select(s => s.Low));
        WriteSeries(w, "hi", m.Curve.Select(s => s.High));
        w.WriteEndObject();
        if (m.Rate is { } rate)
        {
            WriteRate(w, rate);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes <c>"rate": {"exponent", "r2", "from", "to"}</c>.</summary>
    private static void WriteRate(Utf8JsonWriter w, RateFit rate)
    {
        w.WritePropertyName("rate");
        w.WriteStartObject();
        WriteNullable(w, "exponent", rate.Exponent);
        WriteNullable(w, "r2", rate.R2);
        w.WriteNumber("from", rate.From);
        w.WriteNumber("to", rate.To);
        w.WriteEndObject();
    }

    private static void WriteFinal(Utf8JsonWriter w, Statistic s)
    {
        w.WritePropertyName("final");
        w.WriteStartObject();
        WriteStatistic(w, s);
        w.WriteEndObject();
    }

    internal static void WriteStatistic(Utf8JsonWriter w, Statistic s)
    {
        WriteNumber(w, "mean", s.Mean);
        WriteNullable(w, "sd", s.StandardDeviation);
        w.WritePropertyName("ci95");
        if (s.Low is { } lo && s.High is { } hi)
        {
            w.WriteStartArray();
            WriteNumber(w, lo);
            WriteNumber(w, hi);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }
    }

    internal static void WriteSeries(Utf8JsonWriter w, string name, IEnumerable<double?> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (double? v in values)
        {
            if (v is { } d && double.IsFinite(d))
            {
                w.WriteNumberValue(d);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    internal static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } d && double.IsFinite(d))
        {
            w.WriteNumber(name, d);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value) => WriteNullable(w, name, value);

    private static void WriteNumber(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0.0;

    /// <summary>Decodes the JSON as text (for tests and tools).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string ToText(ExperimentResult result) => Encoding.UTF8.GetString(ToUtf8(result));
}
