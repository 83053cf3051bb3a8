using System.Globalization;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;

namespace Hindsight.Formats;

/// <summary>
/// Reads Vowpal Wabbit's text format for contextual bandits, streaming one example at a time.
/// </summary>
/// <remarks>
/// <para><b>ADF</b> (<c>--cb_adf</c>, the default): an example is a block of lines ended by a blank line; an optional first
/// line <c>shared |ns features</c>, then one line per action. The logged action's line starts with its label
/// <c>action:cost:probability</c> (the action number is not used: the line's position is the action).</para>
/// <para><b>Non-ADF</b> (<c>--cb K</c>, when <c>actions</c> is given): one example per line,
/// <c>a:c[:p] a:c … | features</c> with 1-based actions; the pair with a probability is the logged one.</para>
/// <para>Features: <c>|name[:weight] feature[:value] …</c>; a bare <c>|</c> is the default namespace; values default to 1;
/// zero values are dropped (as VW does). Errors name the file, line and token.</para>
/// </remarks>
public sealed class VwTextReader
{
    private readonly string _path;
    private readonly int? _actions;
    private readonly MalformedRecordPolicy _policy;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The file (.gz read transparently).</param>
    /// <param name="policy">Stop at the first malformed example (default) or skip and count.</param>
    /// <param name="actions">For non-ADF <c>--cb K</c> files, the number of actions K; null for ADF files.</param>
    public VwTextReader(string path, MalformedRecordPolicy policy = MalformedRecordPolicy.Stop, int? actions = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (actions is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(actions), "A --cb file needs at least one action.");
        }

        _path = path;
        _policy = policy;
        _actions = actions;
    }

    /// <summary>Counts of what was read, skipped and ignored (complete once enumeration ends).</summary>
    public ReadReport Report { get; } = new();

    /// <summary>Streams the examples in constant memory (the file stays open while enumerating).</summary>
    /// <returns>The examples in file order.</returns>
    /// <exception cref="DataFormatException">A malformed example, with <see cref="MalformedRecordPolicy.Stop"/>.</exception>
    public IEnumerable<CbExample> Read()
    {
        using TextReader reader = DataFile.OpenText(_path);
        IEnumerable<CbExample> examples = _actions is { } k ? ReadSingleLine(reader, k) : ReadAdf(reader);
        foreach (CbExample example in examples)
        {
            Report.Examples++;
            yield return example;
        }
    }

    private IEnumerable<CbExample> ReadSingleLine(TextReader reader, int actions)
    {
        long lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CbExample? example = null;
            try
            {
                example = ParseSingleLine(line, lineNumber, actions);
            }
            catch (DataFormatException ex) when (_policy == MalformedRecordPolicy.Skip)
            {
                Report.Skip(ex);
            }

            if (example is not null)
            {
                yield return example;
            }
        }
    }

    private CbExample ParseSingleLine(string line, long lineNumber, int actions)
    {
        int bar = line.IndexOf('|', StringComparison.Ordinal);
        string head = bar >= 0 ? line[..bar] : line;
        var shared = new FeatureSet();
        if (bar >= 0)
        {
            ParseFeatures(line.AsSpan(bar), shared, lineNumber);
        }

        var costs = new List<(int, float)>();
        CbLabel? label = null;
        foreach (string token in head.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('\''))
            {
                continue; // a tag
            }

            var (action, cost, probability) = ParseLabel(token, lineNumber, requireProbability: false);
            if (action < 1 || action > actions)
            {
                throw new DataFormatException(_path, lineNumber, token, $"unknown action index {action}: actions are 1..{actions}");
            }

            costs.Add((action - 1, cost));
            if (probability is { } p && label is null)
            {
                label = new CbLabel(action - 1, cost, p);
            }
        }

        var actionSets = new FeatureSet[actions];
        for (int i = 0; i < actions; i++)
        {
            actionSets[i] = new FeatureSet();
        }

        return new CbExample(shared, actionSets, label, lineNumber) { IsAdf = false, Costs = costs };
    }

    private IEnumerable<CbExample> ReadAdf(TextReader reader)
    {
        long lineNumber = 0;
        var block = new List<(string Text, long Line)>();
        string? line;
        while (true)
        {
            line = reader.ReadLine();
            if (line is not null)
            {
                lineNumber++;
            }

            if (line is null || string.IsNullOrWhiteSpace(line))
            {
                if (block.Count > 0)
                {
                    CbExample? example = null;
                    try
                    {
                        example = ParseAdf(block);
                    }
                    catch (DataFormatException ex) when (_policy == MalformedRecordPolicy.Skip)
                    {
                        Report.Skip(ex);
                    }

                    block.Clear();
                    if (example is not null)
                    {
                        yield return example;
                    }
                }

                if (line is null)
                {
                    yield break;
                }

                continue;
            }

            block.Add((line, lineNumber));
        }
    }

    private CbExample ParseAdf(List<(string Text, long Line)> block)
    {
        var shared = new FeatureSet();
        var actions = new List<FeatureSet>();
        CbLabel? label = null;
        string? tag = null;
        for (int i = 0; i < block.Count; i++)
        {
            var (text, lineNumber) = block[i];
            int bar = text.IndexOf('|', StringComparison.Ordinal);
            string head = bar >= 0 ? text[..bar] : text;
            string[] tokens = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool isShared = tokens.Length > 0 && tokens[0] == "shared";
            if (isShared && i > 0)
            {
                throw new DataFormatException(_path, lineNumber, "shared", "the shared line must be the first line of an example");
            }

            var features = isShared ? shared : new FeatureSet();
            if (bar >= 0)
            {
                ParseFeatures(text.AsSpan(bar), features, lineNumber);
            }

            foreach (string token in tokens.Skip(isShared ? 1 : 0))
            {
                if (token.StartsWith('\''))
                {
                    tag = token[1..];
                    continue;
                }

                if (isShared)
                {
                    throw new DataFormatException(_path, lineNumber, token, "a shared line carries no label");
                }

                var (_, cost, probability) = ParseLabel(token, lineNumber, requireProbability: true);
                if (label is not null)
                {
                    throw new DataFormatException(_path, lineNumber, token, "a second labeled action in one example (one logged action per example)");
                }

                label = new CbLabel(actions.Count, cost, probability!.Value);
            }

            if (!isShared)
            {
                actions.Add(features);
            }
        }

        if (actions.Count == 0)
        {
            throw new DataFormatException(_path, block[0].Line, "shared", "an example with a shared line but no action lines");
        }

        return new CbExample(shared, actions, label, block[0].Line) { Id = tag };
    }

    private (int Action, float Cost, float? Probability) ParseLabel(string token, long lineNumber, bool requireProbability)
    {
        string[] parts = token.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new DataFormatException(_path, lineNumber, token, "a label is action:cost:probability");
        }

        if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int action))
        {
            throw new DataFormatException(_path, lineNumber, token, $"action '{parts[0]}' is not a whole number");
        }

        if (!float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float cost) || !float.IsFinite(cost))
        {
            throw new DataFormatException(_path, lineNumber, token, $"cost '{parts[1]}' is not a number");
        }

        if (parts.Length == 2)
        {
            if (requireProbability)
            {
                throw new DataFormatException(_path, lineNumber, token, "missing probability: a logged action is action:cost:probability");
            }

            return (action, cost, null);
        }

        if (!float.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float probability) || !float.IsFinite(probability))
        {
            throw new DataFormatException(_path, lineNumber, token, $"probability '{parts[2]}' is not a number");
        }

        if (!(probability > 0 && probability <= 1))
        {
            throw new DataFormatException(_path, lineNumber, token, $"probability {parts[2]} is outside (0, 1]");
        }

        return (action, cost, probability);
    }

    private void ParseFeatures(ReadOnlySpan<char> text, FeatureSet set, long lineNumber)
    {
        FeatureGroup? group = null;
        float weight = 1f;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ' ' || c == '\t')
            {
                i++;
                continue;
            }

            if (c == '|')
            {
                i++;
                int start = i;
                while (i < text.Length && text[i] != ' ' && text[i] != '\t' && text[i] != '|')
                {
                    i++;
                }

                ReadOnlySpan<char> header = text[start..i];
                int colon = header.IndexOf(':');
                string name = (colon >= 0 ? header[..colon] : header).ToString();
                weight = 1f;
                if (colon >= 0 && !float.TryParse(header[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
                {
                    throw new DataFormatException(_path, lineNumber, header.ToString(), $"namespace weight '{header[(colon + 1)..].ToString()}' is not a number");
                }

                group = set.Namespace(name);
                continue;
            }

            int tokenStart = i;
            while (i < text.Length && text[i] != ' ' && text[i] != '\t' && text[i] != '|')
            {
                i++;
            }

            ReadOnlySpan<char> token = text[tokenStart..i];
            int sep = token.LastIndexOf(':');
            float value = 1f;
            ReadOnlySpan<char> featureName = token;
            if (sep >= 0)
            {
                featureName = token[..sep];
                if (!float.TryParse(token[(sep + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !float.IsFinite(value))
                {
                    string ns = group?.Name ?? string.Empty;
                    throw new DataFormatException(_path, lineNumber, $"{(ns.Trim().Length > 0 ? ns + "." : string.Empty)}{featureName.ToString()}", $"feature value '{token[(sep + 1)..].ToString()}' is not a number");
                }
            }

            group ??= set.Namespace(string.Empty);
            group.Add(featureName, value * weight);
        }
    }
}
