using System.Text;
using Hindsight.Contextual;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

public class DsJsonParseEventTests
{
    private static CbExample? Parse(string json) => DsJsonReader.ParseEvent(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_unlabeled_decision_parses_with_its_features_and_no_label()
    {
        CbExample e = Parse("""  {"c": {"User": {"age": 31, "city": "Lyon"}, "_multi": [{"Item": {"id": "a"}}, {"Item": {"id": "b", "price": 2.5}}]}} """)!;
        Assert.Null(e.Label);
        Assert.Equal(2, e.Actions.Count);
        Assert.True(e.Shared.Count > 0);

        // The same decision read from a logged line with a label gives the same features.
        CbExample logged = Parse("""{"_label_cost": -1, "_label_probability": 0.5, "_labelIndex": 1, "c": {"User": {"age": 31, "city": "Lyon"}, "_multi": [{"Item": {"id": "a"}}, {"Item": {"id": "b", "price": 2.5}}]}}""")!;
        Assert.Equal(new CbLabel(1, -1, 0.5f), logged.Label);
        Assert.Equal(logged.VwFeatureCount(), e.VwFeatureCount());
    }

    [Fact]
    public void A_malformed_request_names_the_field()
    {
        var none = Assert.Throws<DataFormatException>(() => Parse("""{"c": {"User": {"age": 31}}}"""));
        Assert.Contains("c._multi", none.Message);
        var broken = Assert.Throws<DataFormatException>(() => Parse("""{"c": {"User": """));
        Assert.Contains("request:1", broken.Message);
        Assert.Contains("malformed JSON", broken.Message);
        Assert.Null(Parse("""{"_skipLearn": true, "c": {"_multi": [{"a": {"x": 1}}]}}"""));
    }
}
