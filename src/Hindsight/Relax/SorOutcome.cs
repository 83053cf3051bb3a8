namespace Hindsight.Relax;

/// <summary>What one SOR solve did.</summary>
/// <param name="Iterations">Sweeps taken (0 when the initial guess already met the tolerance).</param>
/// <param name="RelativeResidual">‖b − A x‖₂ / ‖b‖₂ at the end (the absolute residual when b = 0).</param>
/// <param name="Converged">True when the residual met the tolerance within the iteration limit.</param>
public readonly record struct SorOutcome(int Iterations, double RelativeResidual, bool Converged);
