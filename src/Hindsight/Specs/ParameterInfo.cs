namespace Hindsight.Specs;

/// <summary>A registered parameter of a learner or environment: name, type, default, range and description.</summary>
/// <param name="Name">The key in spec files.</param>
/// <param name="Type">How values are read.</param>
/// <param name="Default">The default value, or null when the parameter is required.</param>
/// <param name="Description">One line for <c>hindsight list</c>.</param>
public sealed record ParameterInfo(string Name, ParameterType Type, object? Default, string Description)
{
    /// <summary>Smallest allowed value (numbers, and each element of lists).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (numbers, and each element of lists).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>True when the lower bound itself is excluded.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>The allowed words of a <see cref="ParameterType.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>True when the spec must give a value.</summary>
    public bool Required => Default is null;

    /// <summary>Describes the allowed range, e.g. "in [0, 1]" or "> 0", or an empty string.</summary>
    public string RangeText
    {
        get
        {
            bool lo = !double.IsNegativeInfinity(Min), hi = !double.IsPositiveInfinity(Max);
            if (lo && hi)
            {
                return $"in {(MinExclusive ? "(" : "[")}{Min}, {Max}]";
            }

            if (lo)
            {
                return MinExclusive ? $"> {Min}" : $">= {Min}";
            }

            return hi ? $"<= {Max}" : string.Empty;
        }
    }

    /// <summary>True when a number lies in the allowed range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool InRange(double value)
        => double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;
}
