namespace Hindsight.Relax;

/// <summary>The outcome of a <see cref="RelaxStudy"/>.</summary>
/// <param name="Study">The study.</param>
/// <param name="Table">Every ω's iterations on every instance.</param>
/// <param name="Checkpoints">Instance counts at which cumulative iterations are reported.</param>
/// <param name="Learners">Each tuner's figures.</param>
public sealed record RelaxStudyResult(RelaxStudy Study, CostTable Table, long[] Checkpoints, IReadOnlyList<RelaxLearnerResult> Learners)
{
    /// <summary>The best fixed ω's grid index.</summary>
    public int BestFixedArm { get; } = Table.BestFixedArm;

    /// <summary>Total iterations of the best fixed ω.</summary>
    public double BestFixedTotal => Table.Total(BestFixedArm);

    /// <summary>Total iterations of the instance-optimal ω.</summary>
    public double InstanceOptimalTotal => Table.InstanceOptimalTotal;

    /// <summary>Total iterations of Gauss–Seidel (ω = 1), when the grid holds 1.</summary>
    public double? GaussSeidelTotal
    {
        get
        {
            for (int k = 0; k < Study.Omegas.Count; k++)
            {
                if (Study.Omegas[k] == 1.0)
                {
                    return Table.Total(k);
                }
            }

            return null;
        }
    }

    /// <summary>Cumulative iterations of the grid index <paramref name="arm"/> at the checkpoints.</summary>
    /// <param name="arm">The grid index.</param>
    /// <returns>One value per checkpoint.</returns>
    public double[] CumulativeOf(int arm) => RelaxStudy.Cumulative(Checkpoints, t => Table[t, arm]);

    /// <summary>Cumulative iterations of the instance-optimal policy at the checkpoints.</summary>
    /// <returns>One value per checkpoint.</returns>
    public double[] CumulativeInstanceOptimal() => RelaxStudy.Cumulative(Checkpoints, t => Table[t, Table.InstanceOptimalArm(t)]);
}
