using System.Globalization;
using BenchmarkDotNet.Attributes;
using Hindsight.Formats;

namespace Hindsight.Benchmarks;

/// <summary>Parsing the short decimals of feature files (cb-synth's "-0.30", "1.86"…), per number.</summary>
public class FastFloatBenchmarks
{
    private const int Count = 1000;
    private readonly string[] _text = new string[Count];
    private readonly byte[][] _utf8 = new byte[Count][];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (int i = 0; i < Count; i++)
        {
            _text[i] = ((rng.NextDouble() * 4) - 2).ToString("0.00", CultureInfo.InvariantCulture);
            _utf8[i] = System.Text.Encoding.UTF8.GetBytes(_text[i]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public float Framework()
    {
        float sum = 0;
        foreach (string s in _text)
        {
            sum += float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public float FastChars()
    {
        float sum = 0;
        foreach (string s in _text)
        {
            FastFloat.TryParse(s.AsSpan(), out float v);
            sum += v;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public float FastBytes()
    {
        float sum = 0;
        foreach (byte[] s in _utf8)
        {
            FastFloat.TryParse(s, out float v);
            sum += v;
        }

        return sum;
    }
}
