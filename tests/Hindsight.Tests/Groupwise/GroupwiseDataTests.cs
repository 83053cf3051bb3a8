using Hindsight.Formats;
using Hindsight.Groupwise;

namespace Hindsight.Tests.Groupwise;

public class GroupwiseDataTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "data.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_features_targets_and_intersecting_groups()
    {
        string path = Write("age,sex,y\n20,f,10\n40,m,30\n60,f,20\n");
        var data = GroupwiseData.ReadCsv(path, header: true, target: "y", positiveClass: null, [("sex", []), ("age", [30, 50])]);
        Assert.Equal([0.0, 1.0, 0.5], data.Targets);
        Assert.Equal(["sex=f", "sex=m", "age=[-inf,30)", "age=[30,50)", "age=[50,inf)"], data.GroupNames);
        Assert.Equal([0, 2], data.Memberships[0]);
        Assert.Equal([1, 3], data.Memberships[1]);
        Assert.Equal([0, 4], data.Memberships[2]);
        Assert.Equal(3, data.Features[0].Length); // age standardized + sex one-hot
    }

    [Fact]
    public void Bad_input_gets_errors_naming_the_line_and_column()
    {
        var missing = Assert.Throws<DataFormatException>(() => GroupwiseData.ReadCsv(Write("age,sex,y\n20,,10\n"), true, "y", null, [("sex", [])]));
        Assert.Contains("data.csv:2: sex: missing value", missing.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<DataFormatException>(() => GroupwiseData.ReadCsv(Write("age,sex,y\n20,f,10\n"), true, "y", null, [("race", [])]));
        Assert.Contains("unknown column 'race'", unknown.Message, StringComparison.Ordinal);
        var notNumeric = Assert.Throws<DataFormatException>(() => GroupwiseData.ReadCsv(Write("age,sex,y\n20,f,a\n"), true, "y", null, []));
        Assert.Contains("not numeric", notNumeric.Message, StringComparison.Ordinal);
    }
}
