namespace Hindsight.Regret;

/// <summary>What a meter measures.</summary>
public enum MeterKind
{
    /// <summary>A named regret (results.json key <c>regret.NAME</c>); its growth rate is fitted.</summary>
    Regret,

    /// <summary>Any other per-run quantity (results.json key <c>NAME</c>).</summary>
    Statistic,
}
