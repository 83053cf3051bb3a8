using Hindsight.Relax;

namespace Hindsight.Tests.Relax;

/// <summary>The callback API with synthetic cost profiles whose answers are known.</summary>
public class ParameterTuningTests
{
    private static readonly double[] Grid = [.. Enumerable.Range(20, 20).Select(i => i / 20.0)];

    // A unimodal profile with its minimum at ω = 1.35, ±10 % deterministic wobble per instance.
    private static double Unimodal(int t, double omega) => (50 + (400 * (omega - 1.35) * (omega - 1.35))) * (1 + (0.1 * Math.Sin(t * 0.7)));

    private static CostTable TableOf(int instances, ParameterCost cost) => CostTable.Sweep(instances, Grid.Length, (t, row) =>
    {
        for (int k = 0; k < Grid.Length; k++)
        {
            row[k] = cost(t, Grid[k]);
        }
    });

    [Fact]
    public void The_unimodal_search_finds_the_minimum_and_pays_little_for_it()
    {
        const int T = 2000;
        TuningRun run = ParameterTuning.Run(new UnimodalUcbTuner(Grid.Length), Grid, T, Unimodal);
        CostTable table = TableOf(T, Unimodal);
        Assert.Equal(7, table.BestFixedArm); // 1.35
        Assert.Equal(7, run.Choices[^200..].GroupBy(c => c).MaxBy(g => g.Count())!.Key);
        Assert.True(run.Total < 1.05 * table.Total(7), $"{run.Total} vs {table.Total(7)}");
        Assert.Equal(run.Total, ParameterTuning.Run(new UnimodalUcbTuner(Grid.Length), table).Total); // live = table
    }

    [Fact]
    public void Tsallis_inf_concentrates_on_the_best_fixed_value()
    {
        const int T = 4000;
        TuningRun run = ParameterTuning.Run(new TsallisInfTuner(Grid.Length), Grid, T, Unimodal, seed: 3);
        double late = run.Choices[(T / 2)..].Count(c => Math.Abs(c - 7) <= 1) / (double)(T / 2);
        Assert.True(late > 0.7, $"{late:P0} of the second half within one grid step of the best");
        CostTable table = TableOf(T, Unimodal);
        double early = TuningRegret.External(new TuningRun(run.Choices[..(T / 2)], run.Costs[..(T / 2)]), TableOf(T / 2, Unimodal));
        Assert.True(TuningRegret.External(run, table) < 1.6 * early, "regret must grow sublinearly (linear growth would double it)");
    }

    [Fact]
    public void The_contextual_tuner_beats_every_fixed_value_when_the_optimum_moves_with_the_context()
    {
        // ω*(c) = 1.85 − 0.8c for a context c uniform in [0, 1]: no fixed value is good for every instance.
        const int T = 3000;
        var rng = new Random(7);
        double[] contexts = [.. Enumerable.Range(0, T).Select(_ => rng.NextDouble())];
        double Cost(int t, double omega) => 30 + (600 * Math.Pow(omega - (1.85 - (0.8 * contexts[t])), 2));
        CostTable table = TableOf(T, Cost);
        TuningRun run = ParameterTuning.Run(new ChebyshevTuner(Grid.Length, 4, 0, 1), Grid, T, Cost, t => [contexts[t]], seed: 5);
        Assert.True(run.Total < 0.75 * table.Total(table.BestFixedArm), $"{run.Total} vs best fixed {table.Total(table.BestFixedArm)}");
        Assert.True(TuningRegret.External(run, table) < 0);
        double firstHalf = run.Costs[..(T / 2)].Sum() - Enumerable.Range(0, T / 2).Sum(t => table[t, table.InstanceOptimalArm(t)]);
        double secondHalf = TuningRegret.Dynamic(run, table) - firstHalf;
        Assert.True(secondHalf < 0.6 * firstHalf, $"dynamic regret {firstHalf} then {secondHalf}: it must keep learning");
    }

    [Fact]
    public void Randomized_tuners_depend_on_the_seed_and_only_on_it()
    {
        int[] Choices(IParameterTuner tuner, ulong seed) => ParameterTuning.Run(tuner, Grid, 300, Unimodal, _ => [0.5], seed).Choices;
        foreach (Func<IParameterTuner> make in new Func<IParameterTuner>[] { () => new TsallisInfTuner(20), () => new ChebyshevTuner(20, 3, 0, 1) })
        {
            Assert.Equal(Choices(make(), 1), Choices(make(), 1));
            Assert.NotEqual(Choices(make(), 1), Choices(make(), 2));
        }
    }

    [Fact]
    public void Bad_callbacks_and_shapes_are_named()
    {
        var negative = Assert.Throws<ArgumentException>(() => ParameterTuning.Run(new UnimodalUcbTuner(Grid.Length), Grid, 10, (t, _) => t == 3 ? -1 : 1));
        Assert.Contains("instance 3", negative.Message);
        var nan = Assert.Throws<ArgumentException>(() => ParameterTuning.Run(new UnimodalUcbTuner(Grid.Length), Grid, 10, (_, _) => double.NaN));
        Assert.Contains("NaN", nan.Message);
        Assert.Throws<ArgumentException>(() => ParameterTuning.Run(new UnimodalUcbTuner(5), Grid, 10, Unimodal));
        Assert.Throws<ArgumentException>(() => ParameterTuning.Run(new ChebyshevTuner(Grid.Length, 3, 0, 1), Grid, 10, Unimodal));

        // A cost for an arm the tuner did not choose (or twice) would corrupt its importance weights: refused.
        var tsallis = new TsallisInfTuner(3);
        tsallis.Reset(1);
        int arm = tsallis.Choose([]);
        Assert.Throws<InvalidOperationException>(() => tsallis.Observe((arm + 1) % 3, 1.0));
        tsallis.Observe(arm, 1.0);
        Assert.Throws<InvalidOperationException>(() => tsallis.Observe(arm, 1.0));
    }

    [Fact]
    public void A_run_from_other_instances_is_refused_by_the_regrets()
    {
        CostTable table = TableOf(50, Unimodal);
        TuningRun run = ParameterTuning.Run(new UnimodalUcbTuner(Grid.Length), table);
        Assert.Equal(run.Total - table.Total(table.BestFixedArm), TuningRegret.External(run, table));
        TuningRun other = ParameterTuning.Run(new UnimodalUcbTuner(Grid.Length), TableOf(50, (t, w) => 2 * Unimodal(t, w)));
        Assert.Contains("Instance 0", Assert.Throws<ArgumentException>(() => TuningRegret.External(other, table)).Message);
    }
}
