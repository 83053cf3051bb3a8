namespace Hindsight.Groupwise;

/// <summary>One group's cumulative square losses over its rows, for the three predictors of a groupwise pass.</summary>
/// <param name="Name">The group.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Groupwise">The groupwise learner's cumulative loss.</param>
/// <param name="Plain">Plain online regression's (one oracle on every row).</param>
/// <param name="Own">The group's own oracle's (trained on the group's rows only).</param>
public sealed record GroupLosses(string Name, int Rows, double Groupwise, double Plain, double Own)
{
    /// <summary>The groupwise learner's average loss on the group.</summary>
    public double GroupwiseAverage => Rows > 0 ? Groupwise / Rows : double.NaN;

    /// <summary>Plain online regression's average loss on the group.</summary>
    public double PlainAverage => Rows > 0 ? Plain / Rows : double.NaN;
}
