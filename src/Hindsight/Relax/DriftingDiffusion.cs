using Hindsight.Numerics;

namespace Hindsight.Relax;

/// <summary>
/// A sequence of linear systems such as an implicit time-stepping simulation solves, one a step: on an n × n grid,
/// Aₜ = −∇·(aₜ ∇·) + cₜ I (5-point, <see cref="PdeMatrices.Diffusion"/>) with the shift cₜ = h²/(κₜ Δt) drifting as
/// the diffusivity κₜ does, and bₜ a smooth bump circling the square plus a little seeded noise. With
/// <see cref="Contrast"/> = 0 the operator is the 2-D Poisson matrix plus cₜ I; otherwise the coefficient
/// aₜ(x, y) = 1 + contrast · (1 + sin 2π(x + y + t/T)) / 2 drifts as well.
/// </summary>
/// <remarks>
/// The shift follows cₜ = c_min + (c_max − c_min)(1 − cos 2πpt/T)/2 for p periods over T instances, the "diagonal
/// offset" whose value the contextual learner of "Learning to Relax" (Khodak et al., ICLR 2024) reads as its context:
/// the optimal ω falls as the shift grows (ρ_J = 4 cos πh / (4 + c) for the Poisson case, ω* = 2/(1 + √(1 − ρ_J²))).
/// Instances depend only on (options, t): every learner and comparator sees the same systems.
/// </remarks>
public sealed class DriftingDiffusion
{
    private readonly CsrMatrix _poisson;

    /// <summary>Creates the sequence.</summary>
    /// <param name="gridSize">Interior points per side n ≥ 2 (the matrices are n² × n²).</param>
    /// <param name="count">The number of instances T ≥ 1.</param>
    /// <param name="minShift">c_min ≥ 0.</param>
    /// <param name="maxShift">c_max ≥ c_min.</param>
    /// <param name="periods">p &gt; 0: how many times the shift rises and falls over the sequence.</param>
    /// <param name="contrast">≥ 0: 0 for Poisson, else the drifting coefficient's contrast.</param>
    /// <param name="seed">Seeds the right-hand sides' noise.</param>
    public DriftingDiffusion(int gridSize, int count, double minShift, double maxShift, double periods = 1.0, double contrast = 0.0, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gridSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(minShift >= 0) || !(maxShift >= minShift) || !double.IsFinite(maxShift))
        {
            throw new ArgumentOutOfRangeException(nameof(maxShift), $"The shifts must satisfy 0 ≤ min ≤ max < ∞ (got {minShift}, {maxShift}).");
        }

        if (!(periods > 0) || !double.IsFinite(periods))
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, "The number of periods must be positive.");
        }

        if (!(contrast >= 0) || !double.IsFinite(contrast))
        {
            throw new ArgumentOutOfRangeException(nameof(contrast), contrast, "The contrast must be ≥ 0.");
        }

        GridSize = gridSize;
        Count = count;
        MinShift = minShift;
        MaxShift = maxShift;
        Periods = periods;
        Contrast = contrast;
        Seed = seed;
        _poisson = PdeMatrices.Poisson(gridSize);
    }

    /// <summary>Interior points per side n.</summary>
    public int GridSize { get; }

    /// <summary>The number of instances T.</summary>
    public int Count { get; }

    /// <summary>c_min.</summary>
    public double MinShift { get; }

    /// <summary>c_max.</summary>
    public double MaxShift { get; }

    /// <summary>Periods of the shift over the sequence.</summary>
    public double Periods { get; }

    /// <summary>The coefficient's contrast (0: Poisson).</summary>
    public double Contrast { get; }

    /// <summary>The noise seed.</summary>
    public ulong Seed { get; }

    /// <summary>The shift cₜ of instance t.</summary>
    /// <param name="t">The instance, 0 ≤ t &lt; T.</param>
    /// <returns>cₜ.</returns>
    public double Shift(int t) => MinShift + ((MaxShift - MinShift) * 0.5 * (1.0 - Math.Cos(2.0 * Math.PI * Periods * t / Count)));

    /// <summary>Builds instance t; its context is [cₜ].</summary>
    /// <param name="t">The instance, 0 ≤ t &lt; T.</param>
    /// <returns>The system.</returns>
    public LinearSystem Instance(int t)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)t, (uint)Count, nameof(t));
        double shift = Shift(t);
        CsrMatrix matrix;
        if (Contrast == 0.0)
        {
            var values = _poisson.Values.ToArray();
            ReadOnlySpan<int> pointers = _poisson.RowPointers;
            ReadOnlySpan<int> columns = _poisson.ColumnIndices;
            for (int i = 0; i < _poisson.Rows; i++)
            {
                for (int p = pointers[i]; p < pointers[i + 1]; p++)
                {
                    if (columns[p] == i)
                    {
                        values[p] += shift;
                    }
                }
            }

            matrix = _poisson.WithOwnedValues(values);
        }
        else
        {
            double phase = (double)t / Count, contrast = Contrast;
            matrix = PdeMatrices.Diffusion(GridSize, (x, y) => 1.0 + (contrast * 0.5 * (1.0 + Math.Sin(2.0 * Math.PI * (x + y + phase)))), shift);
        }

        return new LinearSystem(matrix, RightHandSide(t), [shift]);
    }

    private double[] RightHandSide(int t)
    {
        int n = GridSize;
        double h = 1.0 / (n + 1);
        double angle = 2.0 * Math.PI * 4.0 * t / Count;
        double cx = 0.5 + (0.25 * Math.Cos(angle)), cy = 0.5 + (0.25 * Math.Sin(angle));
        var rng = new SeededRandom(Seed ^ (0x9E3779B97F4A7C15UL * (ulong)(t + 1)));
        var b = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double dx = ((i + 1) * h) - cx, dy = ((j + 1) * h) - cy;
                double bump = Math.Exp(-(dx * dx + dy * dy) / (2 * 0.1 * 0.1));
                b[(j * n) + i] = h * h * (bump + (0.1 * ((2 * rng.NextDouble()) - 1)));
            }
        }

        return b;
    }
}
