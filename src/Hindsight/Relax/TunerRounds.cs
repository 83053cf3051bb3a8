namespace Hindsight.Relax;

/// <summary>
/// The bookkeeping every tuner shares: the round t (1-based), the sum of the costs seen, and the arm its last
/// <see cref="IParameterTuner.Choose"/> returned — so that a cost is only taken for the tuner's own pending choice.
/// </summary>
internal struct TunerRounds
{
    private int _chosen;
    private double _costSum;

    /// <summary>The current round t (1 before the first observation).</summary>
    public long Round { get; private set; }

    /// <summary>The mean cost observed so far (1 before any, or when every cost was 0): the scale costs are divided by.</summary>
    public readonly double MeanCost => Round > 1 && _costSum > 0 ? _costSum / (Round - 1) : 1.0;

    /// <summary>Back to round 1, nothing seen, nothing pending.</summary>
    public void Reset() => (Round, _costSum, _chosen) = (1, 0, -1);

    /// <summary>Records the arm a Choose returned.</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>The arm.</returns>
    public int Chose(int arm) => _chosen = arm;

    /// <summary>Checks an observation against the pending choice and counts it.</summary>
    /// <param name="arm">The arm observed.</param>
    /// <param name="cost">Its cost.</param>
    /// <exception cref="InvalidOperationException">The arm is not the pending choice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cost is negative or not finite.</exception>
    public void Observe(int arm, double cost)
    {
        if (arm != _chosen)
        {
            throw new InvalidOperationException($"Observe({arm}) does not follow Choose (which returned {_chosen}): a tuner learns from the cost of its own last choice.");
        }

        if (!(cost >= 0) || double.IsInfinity(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A cost must be a finite number ≥ 0.");
        }

        _chosen = -1;
        _costSum += cost;
        Round++;
    }
}
