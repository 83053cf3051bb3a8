namespace Hindsight.Specs;

/// <summary>The parameter values of one learner or environment, defaults filled in, in declaration order.</summary>
public sealed class ParameterSet
{
    private readonly List<KeyValuePair<string, object?>> _values = [];

    /// <summary>The folder that relative paths are resolved against (the spec file's folder).</summary>
    public string BaseDirectory { get; init; } = ".";

    /// <summary>The values in declaration order (for results).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values => _values;

    /// <summary>Sets a value.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">Its value.</param>
    public void Set(string name, object? value)
    {
        int i = _values.FindIndex(kv => kv.Key == name);
        if (i >= 0)
        {
            _values[i] = new(name, value);
        }
        else
        {
            _values.Add(new(name, value));
        }
    }

    /// <summary>Gets a raw value.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public object? Get(string name)
    {
        foreach (var kv in _values)
        {
            if (kv.Key == name)
            {
                return kv.Value;
            }
        }

        throw new KeyNotFoundException($"No parameter '{name}'.");
    }

    /// <summary>Gets a number.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public double Number(string name) => Convert.ToDouble(Get(name), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets a whole number.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public long Integer(string name) => Convert.ToInt64(Get(name), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets a boolean.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public bool Boolean(string name) => (bool)Get(name)!;

    /// <summary>Gets a word or path.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public string Text(string name) => (string)Get(name)!;

    /// <summary>Gets a path parameter resolved against <see cref="BaseDirectory"/> (results keep it as written).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The full path.</returns>
    public string FullPath(string name) => System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, Text(name)));

    /// <summary>Gets a list of numbers.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public double[] Numbers(string name) => (double[])Get(name)!;

    /// <summary>Gets a list of whole numbers.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public long[] Integers(string name) => (long[])Get(name)!;

    /// <summary>Gets a table of numbers.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public double[][] Table(string name) => (double[][])Get(name)!;
}
