namespace Hindsight.Relax;

/// <summary>What a tuner chose over a sequence and what each choice cost.</summary>
/// <param name="Choices">The grid index chosen for each instance.</param>
/// <param name="Costs">The cost of each choice.</param>
public sealed record TuningRun(int[] Choices, double[] Costs)
{
    /// <summary>The total cost Σₜ costₜ.</summary>
    public double Total => Costs.Sum();
}
