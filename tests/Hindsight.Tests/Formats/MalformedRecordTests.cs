using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

public class MalformedRecordTests
{
    private static string Write(string name, string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string GoodEvent = """{"_label_cost":-1,"_label_probability":0.5,"_labelIndex":1,"_label_Action":2,"EventId":"e1","a":[2,1],"p":[0.5,0.5],"c":{"u":{"age":3},"_multi":[{"i":{"id":"a"}},{"i":{"id":"b"}}]}}""";

    private static DataFormatException DsJsonError(string line, int lineNumber = 2)
    {
        string path = Write("log.json", GoodEvent + "\n" + line + "\n");
        var ex = Assert.Throws<DataFormatException>(() => new DsJsonReader(path).Read().ToList());
        Assert.Equal(lineNumber, ex.Line);
        Assert.Contains("log.json:" + lineNumber, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Truncated_json_names_the_line()
        => Assert.Contains("malformed JSON", DsJsonError(GoodEvent[..60]).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("0", "_label_probability")]
    [InlineData("1.5", "_label_probability")]
    public void Probability_zero_or_above_one_is_rejected(string probability, string field)
    {
        var ex = DsJsonError(GoodEvent.Replace("\"_label_probability\":0.5", $"\"_label_probability\":{probability}", StringComparison.Ordinal));
        Assert.Equal(field, ex.Field);
        Assert.Contains("outside (0, 1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_value_too_large_for_a_float_is_a_data_error_naming_the_feature()
    {
        var ex = DsJsonError(GoodEvent.Replace("\"age\":3", "\"age\":1e400", StringComparison.Ordinal));
        Assert.Equal("u.age", ex.Field);
        Assert.Contains("not a finite float", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_label_is_rejected()
        => Assert.Contains("missing label", DsJsonError(GoodEvent.Replace("\"_label_cost\":-1,", string.Empty, StringComparison.Ordinal)).Message, StringComparison.Ordinal);

    [Fact]
    public void Unknown_action_index_is_rejected()
    {
        var ex = DsJsonError(GoodEvent.Replace("\"_labelIndex\":1", "\"_labelIndex\":5", StringComparison.Ordinal));
        Assert.Equal("_labelIndex", ex.Field);
        Assert.Contains("unknown action index 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_policy_counts_bad_events_and_keeps_the_good_ones()
    {
        string path = Write("log.json", string.Join('\n', GoodEvent, GoodEvent[..30], GoodEvent.Replace("0.5,\"_labelIndex", "0,\"_labelIndex", StringComparison.Ordinal), GoodEvent) + "\n");
        var reader = new DsJsonReader(path, MalformedRecordPolicy.Skip);
        Assert.Equal(2, reader.Read().Count());
        Assert.Equal(2, reader.Report.Skipped);
        Assert.Equal(2, reader.Report.Messages.Count);
        Assert.Contains("log.json:2", reader.Report.Messages[0], StringComparison.Ordinal);
    }

    private static DataFormatException TextError(string text, int? actions = null)
    {
        string path = Write("data.txt", text);
        return Assert.Throws<DataFormatException>(() => new VwTextReader(path, actions: actions).Read().ToList());
    }

    [Fact]
    public void Text_non_numeric_feature_value_names_namespace_and_feature()
    {
        var ex = TextError("shared |s x:1\n0:1:0.5 |a y:abc\n |a y:2\n\n");
        Assert.Equal(2, ex.Line);
        Assert.Equal("a.y", ex.Field);
        Assert.Contains("feature value 'abc' is not a number", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0:1:0 |a x\n |a y\n\n", "outside (0, 1]")]
    [InlineData("0:1:1.5 |a x\n |a y\n\n", "outside (0, 1]")]
    [InlineData("0:1 |a x\n |a y\n\n", "missing probability")]
    [InlineData("0:x:0.5 |a x\n\n", "cost 'x' is not a number")]
    [InlineData("0:1:0.5 |a x\n0:1:0.5 |a y\n\n", "second labeled action")]
    public void Text_bad_labels_are_rejected(string text, string message)
        => Assert.Contains(message, TextError(text).Message, StringComparison.Ordinal);

    [Fact]
    public void Text_unknown_action_index_is_rejected_in_cb_k_files()
    {
        var ex = TextError("1:1:0.5 | a\n5:1:0.5 | b\n", actions: 4);
        Assert.Equal(2, ex.Line);
        Assert.Contains("unknown action index 5: actions are 1..4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_skip_policy_counts_and_continues()
    {
        string path = Write("data.txt", "0:1:0.5 |a x\n |a y\n\n0:1:7 |a x\n |a y\n\n |a x\n0:0:0.5 |a y\n");
        var reader = new VwTextReader(path, MalformedRecordPolicy.Skip);
        var examples = reader.Read().ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal(1, reader.Report.Skipped);
        Assert.Equal(1, examples[1].Label!.Value.Action);
    }

    [Fact]
    public void Gzip_is_read_transparently()
    {
        string plain = Write("data.txt", "shared |s a b\n0:1:0.5 |x c\n |x d\n\n");
        string gz = plain + ".gz";
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(File.ReadAllBytes(plain));
        }

        var a = new VwTextReader(plain).Read().Single();
        var b = new VwTextReader(gz).Read().Single();
        Assert.Equal(a.VwFeatureCount(), b.VwFeatureCount());
        Assert.Equal(a.Label, b.Label);
    }

    [Fact]
    public void A_missing_file_is_a_data_error()
        => Assert.Contains("cannot open the file", Assert.Throws<DataFormatException>(() => new DsJsonReader("/nonexistent/x.json").Read().ToList()).Message, StringComparison.Ordinal);
}
