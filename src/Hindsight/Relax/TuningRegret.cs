namespace Hindsight.Relax;

/// <summary>The regrets of a tuner over a sequence, measured on an exhaustive <see cref="CostTable"/>.</summary>
/// <remarks>
/// The instances of a sequence do not depend on the tuner's choices (an oblivious adversary), so the external regret
/// below is also the policy regret. Both comparators are those of "Learning to Relax" (Khodak, Chow, Balcan and
/// Talwalkar, ICLR 2024): the best fixed ω (Theorem 2.1, Tsallis-INF) and the instance-optimal ω (Theorem 3.1,
/// contextual).
/// </remarks>
public static class TuningRegret
{
    /// <summary>
    /// External regret against the best fixed value in hindsight: R = Σₜ cₜ,ₖₜ − minₖ Σₜ cₜₖ, with kₜ the tuner's
    /// choice. It may be negative (a contextual tuner can beat every fixed value).
    /// </summary>
    /// <param name="run">The tuner's run.</param>
    /// <param name="table">The costs of every value on the same instances.</param>
    /// <returns>R.</returns>
    public static double External(TuningRun run, CostTable table) => Check(run, table) - table.Total(table.BestFixedArm);

    /// <summary>
    /// Dynamic regret against the instance-optimal policy: R = Σₜ cₜ,ₖₜ − Σₜ minₖ cₜₖ ≥ 0.
    /// </summary>
    /// <param name="run">The tuner's run.</param>
    /// <param name="table">The costs of every value on the same instances.</param>
    /// <returns>R.</returns>
    public static double Dynamic(TuningRun run, CostTable table) => Check(run, table) - table.InstanceOptimalTotal;

    private static double Check(TuningRun run, CostTable table)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(table);
        if (run.Costs.Length != table.Instances || run.Choices.Length != table.Instances)
        {
            throw new ArgumentException($"The run covers {run.Costs.Length} instances but the table {table.Instances}.", nameof(run));
        }

        double total = 0;
        for (int t = 0; t < table.Instances; t++)
        {
            if (run.Choices[t] < 0 || run.Choices[t] >= table.Arms || run.Costs[t] != table[t, run.Choices[t]])
            {
                throw new ArgumentException($"Instance {t}: the run's cost {run.Costs[t]} is not the table's for its choice {run.Choices[t]}; was the run made on these instances?", nameof(run));
            }

            total += run.Costs[t];
        }

        return total;
    }
}
