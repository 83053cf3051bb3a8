using System.Globalization;
using Hindsight.Formats;
using Hindsight.Groupwise;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Specs;

/// <content>Groupwise-regret study specs (<c>kind: groupwise</c>).</content>
public sealed partial class SpecLoader
{
    private static readonly string[] GroupwiseKeys = ["kind", "name", "description", "data", "header", "target", "positive", "groups", "lambda"];

    /// <summary>
    /// Reads <c>data</c> (CSV path, relative to the spec), <c>header</c> (default true), <c>target</c>, <c>positive</c>
    /// (optional class mapped to 1), <c>groups</c> (column names, or <c>{column, cuts, label}</c>: numeric bands, a display name) and
    /// <c>lambda</c> (default 1); reads and checks the data here, so a bad file is a spec error naming it.
    /// </summary>
    private GroupwiseStudy BuildGroupwise(YamlMappingNode root, string defaultName)
    {
        Dictionary<string, YamlNode> keys = ReadKeys(root, GroupwiseKeys);
        string name = keys.TryGetValue("name", out YamlNode? n) ? Scalar(n, "name") : defaultName;
        string? description = keys.TryGetValue("description", out YamlNode? dn) ? Scalar(dn, "description") : null;
        YamlNode dataNode = Required(root, keys, "data", "the CSV file, relative to the spec file");
        string dataPath = Scalar(dataNode, "data");
        string fullPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(_baseDirectory, dataPath));
        if (!File.Exists(fullPath))
        {
            throw Error(dataNode, "data", $"file not found: {fullPath}");
        }

        bool header = !keys.TryGetValue("header", out YamlNode? h) || ReadBoolean(h, "header");
        string target = Scalar(Required(root, keys, "target", "the target column's name (or 0-based index without a header)"), "target");
        string? positive = keys.TryGetValue("positive", out YamlNode? p) ? Scalar(p, "positive") : null;
        YamlNode groupsNode = Required(root, keys, "groups", "a list of group columns: names, or {column: NAME, cuts: [..]} for numeric bands");
        var columns = new List<GroupColumn>();
        var columnNodes = new List<YamlNode>();
        int i = 0;
        foreach (YamlNode item in Sequence(groupsNode, "groups"))
        {
            string field = $"groups[{i++}]";
            columns.Add(ReadGroupColumn(item, field));
            columnNodes.Add(item);
        }

        if (columns.Count == 0)
        {
            throw Error(groupsNode, "groups", "the list is empty; give at least one group column");
        }

        double lambda = 1;
        if (keys.TryGetValue("lambda", out YamlNode? l))
        {
            lambda = ReadPlainNumber(l, "lambda");
            if (!(lambda > 0))
            {
                throw Error(l, "lambda", $"must be > 0 (the oracles' ridge λ), got {lambda.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        GroupwiseData data;
        try
        {
            data = GroupwiseData.ReadCsv(fullPath, header, target, positive, [.. columns.Select(c => (c.Column, c.Cuts.ToArray()))]);
        }
        catch (DataFormatException ex)
        {
            int at = columns.FindIndex(c => c.Column == ex.Field);
            if (at >= 0 && ex.Problem.StartsWith("unknown column", StringComparison.Ordinal))
            {
                throw Error(columnNodes[at], $"groups[{at}]", ex.Message);
            }

            if (ex.Field == target && ex.Problem.StartsWith("unknown column", StringComparison.Ordinal))
            {
                throw Error(keys["target"], "target", ex.Message);
            }

            throw Error(dataNode, "data", ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw Error(dataNode, "data", $"cannot read {fullPath}: {ex.Message}");
        }

        // Groups are named "column=value"; a column's label replaces its name there ("9=Male" → "sex=Male").
        string[] names = [.. data.GroupNames];
        int next = 0;
        foreach (GroupColumn c in columns)
        {
            string prefix = c.Column + "=";
            while (next < names.Length && names[next].StartsWith(prefix, StringComparison.Ordinal))
            {
                names[next] = c.Label is null ? names[next] : c.Label + "=" + names[next][prefix.Length..];
                next++;
            }
        }

        return new GroupwiseStudy(name, description, dataPath, target, positive, columns, lambda, data with { GroupNames = names });
    }

    private GroupColumn ReadGroupColumn(YamlNode item, string field)
    {
        if (item is YamlScalarNode)
        {
            return new GroupColumn(Scalar(item, field), []);
        }

        if (item is not YamlMappingNode map)
        {
            throw Error(item, field, "expected a column name or {column: NAME, cuts: [..]}");
        }

        string? column = null, label = null;
        double[] cuts = [];
        foreach (var (k, v) in map.Children)
        {
            string key = KeyText(k);
            switch (key)
            {
                case "column":
                    column = Scalar(v, $"{field}.column");
                    break;
                case "label":
                    label = Scalar(v, $"{field}.label");
                    break;
                case "cuts":
                    int j = 0;
                    cuts = [.. ListOrScalar(v, $"{field}.cuts").Select(c => ReadPlainNumber(c, $"{field}.cuts[{j++}]"))];
                    for (int c = 1; c < cuts.Length; c++)
                    {
                        if (!(cuts[c] > cuts[c - 1]))
                        {
                            throw Error(v, $"{field}.cuts", "cut points must be strictly increasing");
                        }
                    }

                    break;
                default:
                    throw Error(k, $"{field}.{key}", $"unknown key '{key}'{Suggestions.DidYouMean(key, ["column", "cuts", "label"])} (valid keys: column, cuts, label)");
            }
        }

        return column is null ? throw Error(item, $"{field}.column", "missing: the column's name") : new GroupColumn(column, cuts, label);
    }

    private Dictionary<string, YamlNode> ReadKeys(YamlMappingNode root, string[] valid)
    {
        var keys = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, value) in root.Children)
        {
            string key = KeyText(keyNode);
            if (!valid.Contains(key))
            {
                throw Error(keyNode, key, $"unknown key '{key}'{Suggestions.DidYouMean(key, valid)} (valid keys: {string.Join(", ", valid)})");
            }

            keys[key] = value;
        }

        return keys;
    }

    /// <summary>A mapping key's text; a key that is a list or a mapping is a spec error, not a crash.</summary>
    private string KeyText(YamlNode key)
        => key is YamlScalarNode { Value: var text } ? text ?? string.Empty : throw Error(key, string.Empty, "a key must be a plain word, not a list or a mapping");

    private YamlNode Required(YamlNode root, Dictionary<string, YamlNode> keys, string key, string what)
        => keys.TryGetValue(key, out YamlNode? node) ? node : throw Error(root, key, $"missing: {what}");

    private bool ReadBoolean(YamlNode node, string path)
    {
        string text = Scalar(node, path);
        return text switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(node, path, $"expected true or false, got '{text}'"),
        };
    }

    private double ReadPlainNumber(YamlNode node, string path)
    {
        string text = Scalar(node, path);
        return double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw Error(node, path, $"expected a number, got '{text}'");
    }
}
