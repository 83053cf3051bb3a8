using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Formats;

/// <summary>
/// Reads the Beta(α, β) parameters per item of a Bernoulli Thompson sampling policy from YAML, in the Open Bandit
/// Pipeline's <c>prior_bts.yaml</c> shape: <c>campaign: {alpha: [...], beta: [...]}</c>.
/// </summary>
public static class BtsPriors
{
    /// <summary>Reads one campaign's parameters.</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="campaign">The campaign key (e.g. men, women).</param>
    /// <returns>α and β per item.</returns>
    /// <exception cref="DataFormatException">The file, campaign or a value is missing or malformed.</exception>
    public static (double[] Alpha, double[] Beta) Read(string path, string campaign)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(campaign);
        var yaml = new YamlStream();
        try
        {
            using TextReader reader = DataFile.OpenText(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new DataFormatException(path, ex.Start.Line, string.Empty, $"malformed YAML: {ex.Message}");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new DataFormatException(path, 0, string.Empty, "expected a mapping of campaigns");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode(campaign), out YamlNode? node) || node is not YamlMappingNode entry)
        {
            string known = string.Join(", ", root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value));
            throw new DataFormatException(path, 0, campaign, $"no campaign '{campaign}' (campaigns: {known})");
        }

        double[] List(string key)
        {
            if (!entry.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? list) || list is not YamlSequenceNode seq)
            {
                throw new DataFormatException(path, entry.Start.Line, $"{campaign}.{key}", "missing list");
            }

            return [.. seq.Children.Select((c, i) =>
                c is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0
                    ? v
                    : throw new DataFormatException(path, c.Start.Line, $"{campaign}.{key}[{i}]", "expected a positive number"))];
        }

        double[] alpha = List("alpha"), beta = List("beta");
        if (alpha.Length != beta.Length)
        {
            throw new DataFormatException(path, entry.Start.Line, campaign, $"{alpha.Length} α for {beta.Length} β");
        }

        return (alpha, beta);
    }
}
