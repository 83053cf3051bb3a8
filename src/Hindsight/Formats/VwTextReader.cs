using System.Globalization;
using System.Text;
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
public sealed class VwTextReader : CbLogReader
{
    private readonly int? _actions;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The file (.gz read transparently).</param>
    /// <param name="policy">Stop at the first malformed example (default) or skip and count.</param>
    /// <param name="actions">For non-ADF <c>--cb K</c> files, the number of actions K; null for ADF files.</param>
    public VwTextReader(string path, MalformedRecordPolicy policy = MalformedRecordPolicy.Stop, int? actions = null)
        : base(path, policy)
    {
        if (actions is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(actions), "A --cb file needs at least one action.");
        }

        _actions = actions;
    }

    /// <inheritdoc />
    public override IEnumerable<CbExample> Read()
    {
        using Stream stream = DataFile.OpenBytes(FilePath);
        LineReader<byte> lines = BeginPass(stream, cacheActions: _actions is null);
        var namespaces = new NamespaceCache();
        while (true)
        {
            CbExample? example;
            bool end;
            try
            {
                (example, end) = _actions is { } k ? NextSingleLine(lines, k, namespaces) : NextAdf(lines, namespaces);
            }
            catch (DataFormatException ex) when (Policy == MalformedRecordPolicy.Skip)
            {
                Report.Skip(ex);
                if (_inBlock)
                {
                    SkipRestOfBlock(lines);
                }

                continue;
            }

            if (example is not null)
            {
                Report.Examples++;
                yield return example;
            }

            if (end)
            {
                yield break;
            }
        }
    }

    private bool _inBlock;

    private void SkipRestOfBlock(LineReader<byte> lines)
    {
        while (ReadLine(lines, out ReadOnlySpan<byte> line) && !IsBlank(line))
        {
        }

        _inBlock = false;
    }

    private (CbExample? Example, bool End) NextSingleLine(LineReader<byte> lines, int actions, NamespaceCache namespaces)
    {
        while (ReadLine(lines, out ReadOnlySpan<byte> line))
        {
            if (!IsBlank(line))
            {
                return (ParseSingleLine(line, lines.LineNumber, actions, namespaces), false);
            }
        }

        return (null, true);
    }

    private CbExample ParseSingleLine(ReadOnlySpan<byte> line, long lineNumber, int actions, NamespaceCache namespaces)
    {
        int bar = line.IndexOf((byte)'|');
        ReadOnlySpan<byte> head = bar >= 0 ? line[..bar] : line;
        Pool.Reset();
        FeatureSet shared = Pool.Rent();
        if (bar >= 0)
        {
            ParseFeatures(line[bar..], shared, lineNumber, namespaces);
        }

        var costs = new List<(int, float)>();
        CbLabel? label = null;
        while (NextToken(ref head, out ReadOnlySpan<byte> token))
        {
            if (token[0] == (byte)'\'')
            {
                continue; // a tag
            }

            var (action, cost, probability) = ParseLabel(token, lineNumber, requireProbability: false);
            if (action < 1 || action > actions)
            {
                throw new DataFormatException(FilePath, lineNumber, Text(token), $"unknown action index {action}: actions are 1..{actions}");
            }

            costs.Add((action - 1, cost));
            if (probability is { } p && label is null)
            {
                label = new CbLabel(action - 1, cost, p);
            }
        }

        // As VW's cb_to_cbadf gives every action its own slice of weights, each action gets the line's features
        // re-hashed with its index, so a linear model can score the actions differently.
        var actionSets = new FeatureSet[actions];
        for (int a = 0; a < actions; a++)
        {
            FeatureSet set = Pool.Rent();
            foreach (FeatureGroup g in shared.GroupSpan)
            {
                FeatureGroup target = set.Namespace(g.Name, g.Hash);
                ReadOnlySpan<uint> hashes = g.HashSpan;
                ReadOnlySpan<float> values = g.ValueSpan;
                for (int i = 0; i < hashes.Length; i++)
                {
                    target.AddHashed(VwHash.Interact(hashes[i], (uint)a + 1), values[i]);
                }
            }

            actionSets[a] = set;
        }

        return new CbExample(Pool.Rent(), actionSets, label, lineNumber) { IsAdf = false, Costs = costs };
    }

    private (CbExample? Example, bool End) NextAdf(LineReader<byte> lines, NamespaceCache namespaces)
    {
        FeatureSet? shared = null;
        List<FeatureSet>? actions = null;
        CbLabel? label = null;
        string? tag = null;
        long first = 0;
        _inBlock = false;
        Pool.Reset();
        while (true)
        {
            bool more = ReadLine(lines, out ReadOnlySpan<byte> line);
            if (!more || IsBlank(line))
            {
                if (!_inBlock)
                {
                    if (!more)
                    {
                        return (null, true);
                    }

                    continue; // blank lines between examples
                }

                _inBlock = false;
                if (actions is null)
                {
                    throw new DataFormatException(FilePath, first, "shared", "an example with a shared line but no action lines");
                }

                return (new CbExample(shared ?? Pool.Rent(), actions, label, first) { Id = tag }, !more);
            }

            long lineNumber = lines.LineNumber;
            if (!_inBlock)
            {
                _inBlock = true;
                first = lineNumber;
            }

            int bar = line.IndexOf((byte)'|');
            ReadOnlySpan<byte> head = bar >= 0 ? line[..bar] : line;
            ReadOnlySpan<byte> rest = head;
            bool isShared = NextToken(ref rest, out ReadOnlySpan<byte> firstToken) && firstToken.SequenceEqual("shared"u8);
            if (isShared)
            {
                if (shared is not null || actions is not null)
                {
                    throw new DataFormatException(FilePath, lineNumber, "shared", "the shared line must be the first line of an example");
                }

                head = rest;
            }

            FeatureSet features;
            int position = actions?.Count ?? 0;
            if (!isShared && bar >= 0 && Cache is not null && Cache.TryGet(position, line[bar..], out FeatureSet cached))
            {
                features = cached; // the same action text as the previous example's at this position
            }
            else if (!isShared && bar >= 0 && Cache is not null)
            {
                features = Cache.Begin(position);
                ParseFeatures(line[bar..], features, lineNumber, namespaces);
                Cache.Commit(position, line[bar..]);
            }
            else
            {
                features = isShared ? (shared = Pool.Rent()) : Pool.Rent();
                if (bar >= 0)
                {
                    ParseFeatures(line[bar..], features, lineNumber, namespaces);
                }
            }

            int actionIndex = actions?.Count ?? 0;
            while (NextToken(ref head, out ReadOnlySpan<byte> token))
            {
                if (token[0] == (byte)'\'')
                {
                    tag = Text(token[1..]);
                    continue;
                }

                if (isShared)
                {
                    throw new DataFormatException(FilePath, lineNumber, Text(token), "a shared line carries no label");
                }

                var (_, cost, probability) = ParseLabel(token, lineNumber, requireProbability: true);
                if (label is not null)
                {
                    throw new DataFormatException(FilePath, lineNumber, Text(token), "a second labeled action in one example (one logged action per example)");
                }

                label = new CbLabel(actionIndex, cost, probability!.Value);
            }

            if (!isShared)
            {
                (actions ??= Pool.ActionList()).Add(features);
            }
        }
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private static bool NextToken(ref ReadOnlySpan<byte> text, out ReadOnlySpan<byte> token)
    {
        text = text.TrimStart(" \t"u8);
        if (text.IsEmpty)
        {
            token = default;
            return false;
        }

        int end = text.IndexOfAny((byte)' ', (byte)'\t');
        if (end < 0)
        {
            end = text.Length;
        }

        token = text[..end];
        text = text[end..];
        return true;
    }

    private (int Action, float Cost, float? Probability) ParseLabel(ReadOnlySpan<byte> token, long lineNumber, bool requireProbability)
    {
        int c1 = token.IndexOf((byte)':');
        int c2 = c1 < 0 ? -1 : token[(c1 + 1)..].IndexOf((byte)':');
        if (c2 >= 0)
        {
            c2 += c1 + 1;
        }

        if (c1 < 0 || (c2 >= 0 && token[(c2 + 1)..].Contains((byte)':')))
        {
            throw new DataFormatException(FilePath, lineNumber, Text(token), "a label is action:cost:probability");
        }

        ReadOnlySpan<byte> actionText = token[..c1];
        ReadOnlySpan<byte> costText = c2 >= 0 ? token[(c1 + 1)..c2] : token[(c1 + 1)..];
        if (!int.TryParse(actionText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int action))
        {
            throw new DataFormatException(FilePath, lineNumber, Text(token), $"action '{Text(actionText)}' is not a whole number");
        }

        if (!float.TryParse(costText, NumberStyles.Float, CultureInfo.InvariantCulture, out float cost) || !float.IsFinite(cost))
        {
            throw new DataFormatException(FilePath, lineNumber, Text(token), $"cost '{Text(costText)}' is not a number");
        }

        if (c2 < 0)
        {
            if (requireProbability)
            {
                throw new DataFormatException(FilePath, lineNumber, Text(token), "missing probability: a logged action is action:cost:probability");
            }

            return (action, cost, null);
        }

        ReadOnlySpan<byte> probabilityText = token[(c2 + 1)..];
        if (!float.TryParse(probabilityText, NumberStyles.Float, CultureInfo.InvariantCulture, out float probability) || !float.IsFinite(probability))
        {
            throw new DataFormatException(FilePath, lineNumber, Text(token), $"probability '{Text(probabilityText)}' is not a number");
        }

        if (!(probability > 0 && probability <= 1) || !float.IsFinite(1f / probability))
        {
            throw new DataFormatException(FilePath, lineNumber, Text(token), $"probability {Text(probabilityText)} is outside (0, 1]");
        }

        return (action, cost, probability);
    }

    private void ParseFeatures(ReadOnlySpan<byte> text, FeatureSet set, long lineNumber, NamespaceCache namespaces)
    {
        FeatureGroup? group = null;
        float weight = 1f;
        int i = 0;
        while (i < text.Length)
        {
            byte c = text[i];
            if (c == (byte)' ' || c == (byte)'\t')
            {
                i++;
                continue;
            }

            if (c == (byte)'|')
            {
                i++;
                int start = i;
                while (i < text.Length && text[i] != (byte)' ' && text[i] != (byte)'\t' && text[i] != (byte)'|')
                {
                    i++;
                }

                ReadOnlySpan<byte> header = text[start..i];
                int colon = header.IndexOf((byte)':');
                ReadOnlySpan<byte> name = colon >= 0 ? header[..colon] : header;
                weight = 1f;
                if (colon >= 0 && (!float.TryParse(header[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !float.IsFinite(weight)))
                {
                    throw new DataFormatException(FilePath, lineNumber, Text(header), $"namespace weight '{Text(header[(colon + 1)..])}' is not a number");
                }

                group = namespaces.Group(set, name);
                continue;
            }

            int tokenStart = i;
            while (i < text.Length && text[i] != (byte)' ' && text[i] != (byte)'\t' && text[i] != (byte)'|')
            {
                i++;
            }

            ReadOnlySpan<byte> token = text[tokenStart..i];
            int sep = token.LastIndexOf((byte)':');
            float value = 1f;
            ReadOnlySpan<byte> featureName = token;
            if (sep >= 0)
            {
                featureName = token[..sep];
                if (!FastFloat.TryParse(token[(sep + 1)..], out value) || !float.IsFinite(value))
                {
                    string ns = group?.Name ?? string.Empty;
                    throw new DataFormatException(FilePath, lineNumber, $"{(ns.Trim().Length > 0 ? ns + "." : string.Empty)}{Text(featureName)}", $"feature value '{Text(token[(sep + 1)..])}' is not a number");
                }
            }

            group ??= namespaces.Group(set, ReadOnlySpan<byte>.Empty);
            float scaled = value * weight;
            if (!float.IsFinite(scaled))
            {
                throw new DataFormatException(FilePath, lineNumber, Text(featureName), "feature value times namespace weight is not a finite float");
            }

            group.AddHashed(VwHash.FeatureUtf8(featureName, group.Hash), scaled);
        }
    }
}
