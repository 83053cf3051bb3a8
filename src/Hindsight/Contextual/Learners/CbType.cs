namespace Hindsight.Contextual.Learners;

/// <summary>How a logged cost becomes regression targets (VW's <c>--cb_type</c>).</summary>
public enum CbType
{
    /// <summary>Multitask regression: regress the cost of the logged action only, with importance weight 1/p scaled by
    /// (events / actions) (VW's default for <c>cb_explore_adf</c>).</summary>
    Mtr,

    /// <summary>Inverse propensity scoring: every action's target is 1[a = logged] · cost / p.</summary>
    Ips,

    /// <summary>Doubly robust: every action's target is ĉ(a) + 1[a = logged] · (cost − ĉ(a)) / p, with ĉ the current prediction.</summary>
    Dr,
}
