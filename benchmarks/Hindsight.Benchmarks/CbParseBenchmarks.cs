using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hindsight.Contextual;
using Hindsight.Formats;

namespace Hindsight.Benchmarks;

/// <summary>
/// Parsing alone, per example, over the first 20 000 examples of cb-synth: our VW text and DSJson readers, and — as
/// the yardstick that justified a hand-written JSON scanner — System.Text.Json's <c>Utf8JsonReader</c> merely walking
/// every token of the same DSJson lines (no features built).
/// </summary>
[MemoryDiagnoser]
public class CbParseBenchmarks
{
    private string _text = string.Empty;
    private string _dsjson = string.Empty;
    private byte[][] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = CbSynthFiles.Text;
        _dsjson = CbSynthFiles.DsJson;
        _lines = [.. File.ReadLines(_dsjson).Select(System.Text.Encoding.UTF8.GetBytes)];
    }

    [Benchmark(OperationsPerInvoke = CbSynthFiles.Examples)]
    public int VwText() => Count(new VwTextReader(_text) { ReuseExamples = true }.Read());

    [Benchmark(OperationsPerInvoke = CbSynthFiles.Examples)]
    public int DsJson() => Count(new DsJsonReader(_dsjson) { ReuseExamples = true }.Read());

    [Benchmark(OperationsPerInvoke = CbSynthFiles.Examples)]
    public int Utf8JsonReaderTokenWalk()
    {
        int tokens = 0;
        foreach (byte[] line in _lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    private static int Count(IEnumerable<CbExample> examples)
    {
        int features = 0;
        foreach (CbExample example in examples)
        {
            features += example.Actions.Count;
        }

        return features;
    }
}
