namespace Hindsight.Relax;

/// <summary>One instance of a sequence: solve <see cref="Matrix"/> x = <see cref="RightHandSide"/>.</summary>
/// <param name="Matrix">The square matrix A.</param>
/// <param name="RightHandSide">b.</param>
/// <param name="Context">Features a contextual tuner may read before choosing (e.g. the diagonal shift); never the
/// iteration counts.</param>
public sealed record LinearSystem(CsrMatrix Matrix, double[] RightHandSide, double[] Context);
