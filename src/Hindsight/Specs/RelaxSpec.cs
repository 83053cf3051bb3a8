using Hindsight.Relax;

namespace Hindsight.Specs;

/// <summary>A learning-to-relax spec (<c>kind: relax</c>): a sequence of linear systems, an ω grid, SOR's tolerance and
/// the tuners.</summary>
/// <param name="Study">The study.</param>
public sealed record RelaxSpec(RelaxStudy Study) : SpecDocument
{
    /// <inheritdoc />
    public override string Name => Study.Name;
}
