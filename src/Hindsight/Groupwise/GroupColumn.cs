namespace Hindsight.Groupwise;

/// <summary>A column that defines groups: one per value (categorical), or one per band between cut points (numeric).</summary>
/// <param name="Column">The column's name (or 0-based index when the CSV has no header).</param>
/// <param name="Cuts">Increasing cut points for a numeric column; empty for a categorical one.</param>
/// <param name="Label">The name groups are given ("sex=Female"); the column's name when null.</param>
public sealed record GroupColumn(string Column, IReadOnlyList<double> Cuts, string? Label = null);
