namespace Hindsight.Specs;

/// <summary>The type of a registered parameter, which decides how a spec value is read and checked.</summary>
public enum ParameterType
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A word from a fixed set of choices.</summary>
    Choice,

    /// <summary>A list of real numbers (a single number is read as a list of one).</summary>
    NumberList,

    /// <summary>A list of whole numbers.</summary>
    IntegerList,

    /// <summary>A list of lists of real numbers.</summary>
    NumberTable,

    /// <summary>A file path, relative to the spec file's folder.</summary>
    Path,

    /// <summary>Free text (a column name, a class label).</summary>
    Text,
}
