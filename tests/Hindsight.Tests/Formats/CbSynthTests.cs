using Hindsight.Contextual;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

/// <summary>The two encodings of ../shared/data/cb-synth hold the same examples; a reader of either must produce them.</summary>
public class CbSynthTests
{
    [SkippableFact]
    public void Text_and_dsjson_give_the_same_first_thousand_examples()
    {
        string? text = RepositoryPaths.Shared("cb-synth/cb_synth_adf.txt.gz");
        string? json = RepositoryPaths.Shared("cb-synth/cb_synth.dsjson.gz");
        Skip.If(text is null || json is null, "../shared/data/cb-synth is not beside this checkout");
        var a = new VwTextReader(text!).Read().Take(1000).ToList();
        var b = new DsJsonReader(json!).Read().Take(1000).ToList();
        Assert.Equal(1000, a.Count);
        Assert.Equal(1000, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Label, b[i].Label);
            Assert.Equal(10, a[i].Actions.Count);
            Assert.Equal(Flatten(a[i]), Flatten(b[i]));
        }
    }

    private static List<(char, uint, float)> Flatten(CbExample e)
        => [.. new[] { e.Shared }.Concat(e.Actions).SelectMany(s => s.Groups).SelectMany(g => g.Hashes.Zip(g.Values, (h, v) => (g.Index, h, v)))];
}
