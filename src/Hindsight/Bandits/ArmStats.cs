namespace Hindsight.Bandits;

/// <summary>Sufficient statistics of one arm: pulls, sum and sum of squares of its rewards.</summary>
public struct ArmStats
{
    /// <summary>Number of pulls n.</summary>
    public long Pulls;

    /// <summary>Sum of rewards.</summary>
    public double Sum;

    /// <summary>Sum of squared rewards.</summary>
    public double SumOfSquares;

    /// <summary>Empirical mean Sum / Pulls (0 before the first pull), kept up to date by <see cref="Add"/>.</summary>
    public double Mean;

    /// <summary>1 / Pulls (0 before the first pull), kept up to date by <see cref="Add"/> so index rules need no division.</summary>
    public double InversePulls;

    /// <summary>Empirical (biased, 1/n) variance, 0 before two pulls.</summary>
    public readonly double Variance
    {
        get
        {
            if (Pulls < 2)
            {
                return 0.0;
            }

            double m = Sum / Pulls;
            return Math.Max(0.0, (SumOfSquares / Pulls) - (m * m));
        }
    }

    /// <summary>Adds one reward.</summary>
    /// <param name="reward">The reward.</param>
    public void Add(double reward)
    {
        Pulls++;
        Sum += reward;
        SumOfSquares += reward * reward;
        InversePulls = 1.0 / Pulls;
        Mean = Sum * InversePulls;
    }
}
