namespace Hindsight.Specs;

/// <summary>A spec file as read: one of <see cref="BanditSpec"/>, <see cref="GroupwiseSpec"/>, <see cref="OcoSpec"/>
/// (the top-level <c>kind</c> key picks it; <c>bandit</c> by default).</summary>
public abstract record SpecDocument
{
    /// <summary>The spec's name (its <c>name</c>, or the file name).</summary>
    public abstract string Name { get; }
}
