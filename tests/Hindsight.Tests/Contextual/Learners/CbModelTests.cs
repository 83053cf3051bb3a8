using System.Globalization;
using System.Text;
using Hindsight.Contextual;
using Hindsight.Contextual.Features;
using Hindsight.Contextual.Learners;
using Hindsight.Contextual.Oracles;
using Hindsight.Evaluation;
using Hindsight.Formats;
using Hindsight.Numerics;

namespace Hindsight.Tests.Contextual.Learners;

public class CbModelTests
{
    /// <summary>A deterministic synthetic ADF log: 4 shared and 3 action features, costs from a hidden bilinear model.</summary>
    private static List<CbExample> SyntheticLog(int examples)
    {
        var rng = new SeededRandom(12);
        var text = new StringBuilder();
        for (int e = 0; e < examples; e++)
        {
            double[] s = [.. Enumerable.Range(0, 4).Select(_ => (rng.NextDouble() * 2) - 1)];
            int logged = rng.Next(5);
            text.Append("shared |s ").AppendJoin(' ', s.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"x{i}:{v:0.###}"))).Append('\n');
            for (int a = 0; a < 5; a++)
            {
                double[] z = [.. Enumerable.Range(0, 3).Select(_ => (rng.NextDouble() * 2) - 1)];
                double score = (s[0] * z[0]) + (s[1] * z[1]) - (s[2] * z[2]) + (0.3 * s[3]);
                if (a == logged)
                {
                    int cost = rng.NextDouble() < 1 / (1 + Math.Exp(2 * score)) ? 1 : 0;
                    text.Append(CultureInfo.InvariantCulture, $"{a}:{cost}:0.2 ");
                }

                text.Append("|a ").AppendJoin(' ', z.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"z{i}:{v:0.###}"))).Append('\n');
            }

            text.Append('\n');
        }

        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "synthetic.txt");
        File.WriteAllText(path, text.ToString());
        return [.. new VwTextReader(path).Read()];
    }

    private static byte[] Bytes(IContextualLearner learner)
    {
        using var stream = new MemoryStream();
        if (learner is BaggingCbLearner bagging)
        {
            CbModel.Save(bagging, stream);
        }
        else
        {
            CbModel.Save((ExploringCbLearner)learner, stream);
        }

        return stream.ToArray();
    }

    public static TheoryData<string> Learners() => ["epsilon-greedy", "squarecb", "softmax", "bagging", "cb-adf-mtr", "cb-adf-dr", "cb-adf-ips", "cb-adf-logistic"];

    private static IContextualLearner Create(string name)
    {
        var space = new FeatureSpace(16, ["sa"]);
        return name switch
        {
            "epsilon-greedy" => ExploringCbLearner.EpsilonGreedy(new CostRegressor(space)),
            "squarecb" => ExploringCbLearner.SquareCb(new CostRegressor(space, importanceWeighted: false)),
            "softmax" => ExploringCbLearner.Softmax(new CostRegressor(space), 5f),
            "bagging" => new BaggingCbLearner([new CostRegressor(space), new CostRegressor(space), new CostRegressor(space)], seed: 9),
            "cb-adf-dr" => ExploringCbLearner.Greedy(new CostRegressor(space, CbType.Dr)),
            "cb-adf-ips" => ExploringCbLearner.Greedy(new CostRegressor(space, CbType.Ips)),
            "cb-adf-logistic" => ExploringCbLearner.Greedy(new CostRegressor(space, new AdaptiveSgd(16, 0.5f, RegressionLoss.Log))),
            _ => ExploringCbLearner.Greedy(new CostRegressor(space, CbType.Mtr)),
        };
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void Save_then_load_continues_exactly_as_if_it_never_stopped(string name)
    {
        // Given a log, train on all of it; separately train on the first half, save, load, train on the second half.
        List<CbExample> log = SyntheticLog(2000);
        IContextualLearner whole = Create(name);
        var (_, lossAll) = ProgressiveValidation.Run(log, whole);

        IContextualLearner first = Create(name);
        var (_, lossFirst) = ProgressiveValidation.Run(log.Take(1000), first);
        IContextualLearner resumed;
        using (var stream = new MemoryStream(Bytes(first)))
        {
            resumed = CbModel.Load(stream);
        }

        var (_, lossSecond) = ProgressiveValidation.Run(log.Skip(1000), resumed);

        // Then the models are identical byte for byte, and so is the progressive loss.
        Assert.Equal(Bytes(whole), Bytes(resumed));
        Assert.Equal(lossAll, ((lossFirst * 1000) + (lossSecond * 1000)) / 2000, 12);
    }

    [Fact]
    public void A_learner_learns_the_synthetic_log()
    {
        // The hidden model makes the best action's cost well below the uniform policy's: after 2000 examples the
        // greedy MTR learner's progressive loss must beat the log's own (uniform) average cost.
        List<CbExample> log = SyntheticLog(2000);
        double uniform = log.Average(e => e.Label!.Value.Cost);
        var (_, loss) = ProgressiveValidation.Run(log, Create("cb-adf-mtr"));
        Assert.True(loss < uniform - 0.05, $"loss {loss} vs uniform {uniform}");
    }

    [Fact]
    public void Loading_garbage_or_a_truncated_model_is_a_clear_error()
    {
        Assert.Contains("HSCB", Assert.Throws<InvalidDataException>(() => CbModel.Load(new MemoryStream("nope nope nope"u8.ToArray()))).Message, StringComparison.Ordinal);
        byte[] bytes = Bytes(Create("cb-adf-mtr"));
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => CbModel.Load(new MemoryStream(bytes[..(bytes.Length - 3)]))).Message, StringComparison.Ordinal);
        bytes[4] = 9;
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => CbModel.Load(new MemoryStream(bytes))).Message, StringComparison.Ordinal);
    }
}
