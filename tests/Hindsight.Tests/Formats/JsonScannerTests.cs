using System.Text;
using System.Text.Json;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

/// <summary>
/// The hand-written JSON scanner behind <see cref="DsJsonReader"/>, checked against System.Text.Json: it accepts
/// exactly what <see cref="JsonDocument"/> accepts, and an accepted event has the features that a reference reader
/// built on <see cref="JsonDocument"/> (following the documented DSJson rules) gives.
/// </summary>
public class JsonScannerTests
{
    private const string Event = """{"_label_cost":-1,"_label_probability":0.25,"_labelIndex":1,"EventId":"e\u00e9\"1","a":[2,1,3],"p":[0.25,0.5,0.25],"c":{"u":{"age":3.5,"city":"Paris","vip":true,"gone":false,"x":null,"_hidden":7},"tags":[1,0,2.5,null],"plain":-2e-1,"_multi":[{"i":{"id":"a\n"},"n":[{"k":1},{"k":2}]},{"i":{"id":"b","w":1E2}},{"j":{"q":{"deep":0.125}}}]},"_skipLearn":false}""";

    private static string Write(string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "log.json");
        File.WriteAllText(path, text + "\n");
        return path;
    }

    /// <summary>Features as (namespace, hash, value) per set, shared first.</summary>
    private static List<(string Ns, uint Hash, float Value)>[] Features(CbExample e)
        => [.. new[] { e.Shared }.Concat(e.Actions).Select(s => s.Groups.SelectMany(g => g.Hashes.Zip(g.Values, (h, v) => (g.Name, h, v))).ToList())];

    [Fact]
    public void A_rich_event_reads_as_the_system_text_json_reference_reads_it()
    {
        CbExample ours = new DsJsonReader(Write(Event)).Read().Single();
        CbExample reference = ReferenceDsJson.Parse(Event)!;
        Assert.Equal(Features(reference), Features(ours));
        Assert.Equal(reference.Label, ours.Label);
        Assert.Equal("e\u00e9\"1", ours.Id);
        Assert.Equal([0.5f, 0.25f, 0.25f], ours.Probabilities!);
        Assert.Equal(6, ours.Shared.Count); // u: age, city, vip; tags: 0 and 2 (the zero dropped); plain
    }

    [Fact]
    public void Mutated_events_are_accepted_exactly_when_system_text_json_accepts_them_and_then_read_the_same()
    {
        byte[] good = Encoding.UTF8.GetBytes(Event);
        const string inserts = "{}[],:\"\\0123456789.eE+-tfnul ax_";
        var rng = new Random(20261127);
        int accepted = 0, rejected = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            int kind = rng.Next(4), at = rng.Next(good.Length), c = rng.Next(inserts.Length);
            var bytes = good.ToList();
            switch (kind)
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, (byte)inserts[c]); break;
                case 2: bytes[at] = (byte)inserts[c]; break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }

            string text = Encoding.UTF8.GetString([.. bytes]);
            string trimmed = text.TrimStart(' ', '\t');
            if (trimmed.Length == 0 || trimmed[0] != '{')
            {
                continue; // a mutation that makes the line a non-JSON (ignored) line
            }

            bool valid;
            try
            {
                using var doc = JsonDocument.Parse(text);
                valid = true;
            }
            catch (JsonException)
            {
                valid = false;
            }

            CbExample? ours = null;
            DataFormatException? error = null;
            try
            {
                ours = new DsJsonReader(Write(text)).Read().SingleOrDefault();
            }
            catch (DataFormatException ex)
            {
                error = ex;
            }

            if (!valid)
            {
                Assert.True(error is not null, $"accepted invalid JSON: {text}"); // a syntax error, or a DSJson error found first
                rejected++;
                continue;
            }

            Assert.True(error is null || !error.Message.Contains("malformed JSON", StringComparison.Ordinal), $"rejected valid JSON: {text}: {error?.Message}");
            CbExample? reference;
            try
            {
                reference = ReferenceDsJson.Parse(text);
            }
            catch (DataFormatException)
            {
                Assert.NotNull(error); // both find a DSJson (not JSON) problem
                continue;
            }

            if (reference is not null && ours is not null)
            {
                Assert.Equal(Features(reference), Features(ours));
                Assert.Equal(reference.Label, ours.Label);
                accepted++;
            }
        }

        Assert.True(accepted > 100 && rejected > 500, $"accepted {accepted}, rejected {rejected}");
    }

    [Theory]
    [InlineData("""{"c":{"_multi":[{}]},"_label_cost":1,"_label_probability":0.5,"_labelIndex":0} x""", "after the end")]
    [InlineData("""{"c":{"_multi":[{}]},"_label_cost":01,"_label_probability":0.5,"_labelIndex":0}""", "expected ','")]
    [InlineData("""{"c":{"_multi":[{"a":"\q"}]},"_label_cost":1,"_label_probability":0.5,"_labelIndex":0}""", "invalid escape")]
    [InlineData("""{"c":{"_multi":[{"a":1,}]},"_label_cost":1,"_label_probability":0.5,"_labelIndex":0}""", "property name")]
    [InlineData("""{"c":{"_multi":[{"a":[1,]}]},"_label_cost":1,"_label_probability":0.5,"_labelIndex":0}""", "where a value should start")]
    public void Syntax_errors_name_the_problem_and_the_byte(string line, string problem)
    {
        var ex = Assert.Throws<DataFormatException>(() => new DsJsonReader(Write(line)).Read().ToList());
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Contains("(byte ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_read_as_the_framework_parses_them()
    {
        var rng = new Random(5);
        string[] shapes = ["0.{0}", "-{1}.{0}", "{1}", "-{1}", "{1}.{0}e{2}", "{1}E-{3}", "0.000{0}", "{1}{1}{1}.{0}{0}", "-0.0"];
        for (int trial = 0; trial < 5000; trial++)
        {
            string text = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                shapes[rng.Next(shapes.Length)],
                rng.Next(0, 100_000).ToString("D" + rng.Next(1, 6), System.Globalization.CultureInfo.InvariantCulture),
                rng.Next(1, 10_000),
                rng.Next(-40, 40),
                rng.Next(0, 45));
            var scanner = new JsonScanner(Encoding.UTF8.GetBytes(text));
            float expected = float.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(expected.Equals(scanner.ReadSingle()), text); // Equals: −0 and NaN compared exactly
        }
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"n\":", 200)) + "1" + new string('}', 200);
        string line = $$"""{"c":{"_multi":[{"x":{{deep}}}]},"_label_cost":1,"_label_probability":0.5,"_labelIndex":0}""";
        var ex = Assert.Throws<DataFormatException>(() => new DsJsonReader(Write(line)).Read().ToList());
        Assert.Contains("nesting deeper than 64", ex.Message, StringComparison.Ordinal);
    }
}
