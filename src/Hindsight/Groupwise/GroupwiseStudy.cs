namespace Hindsight.Groupwise;

/// <summary>
/// A groupwise-regret study as a spec file describes it: one online pass of the groupwise learner and of plain online
/// regression over a CSV, with each group's losses.
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Description">Free text from the spec (optional).</param>
/// <param name="DataPath">The CSV's path as written in the spec (relative to the spec file).</param>
/// <param name="Target">The target column.</param>
/// <param name="PositiveClass">For a categorical target, the value mapped to 1; null for a numeric one.</param>
/// <param name="GroupColumns">The group columns, each with its cut points (empty for a categorical column).</param>
/// <param name="Lambda">Ridge λ of the oracles.</param>
/// <param name="Data">The data, read and checked.</param>
public sealed record GroupwiseStudy(
    string Name,
    string? Description,
    string DataPath,
    string Target,
    string? PositiveClass,
    IReadOnlyList<GroupColumn> GroupColumns,
    double Lambda,
    GroupwiseData Data)
{
    /// <summary>Runs the study.</summary>
    /// <returns>The evaluation.</returns>
    public GroupwiseEvaluation Run() => GroupwiseEvaluation.Run(Data, Lambda);
}
