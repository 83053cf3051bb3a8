namespace Hindsight.Bandits.Policies;

/// <summary>
/// Blocked EXP3 for bandits with switching costs (Arora, Dekel and Tewari, "Online bandit learning against an adaptive
/// adversary: from regret to policy regret", ICML 2012): time is cut into blocks of τ rounds; one arm is played for a
/// whole block, chosen by EXP3 run over blocks and fed each block's average reward. Without an explicit τ it is tuned
/// to the horizon, τ = ⌈T^(1/3)⌉.
/// </summary>
/// <remarks>At most ⌈T/τ⌉ switches, and regret ≤ τ × EXP3's regret over T/τ rounds ≤ 2√(τ T K ln K); with
/// τ = T^(1/3) both the regret and the switching cost are O(T^(2/3)) — the minimax rate with switching costs (Dekel,
/// Ding, Koren and Peres, "Bandits with switching costs: T^(2/3) regret", STOC 2014).</remarks>
public sealed class BlockedExp3 : IBanditPolicy, IHorizonAware
{
    private readonly Exp3 _exp3;
    private readonly int _fixedBlock;
    private long _block;
    private long _inBlock;
    private int _arm;
    private double _sum;

    /// <summary>Creates the policy.</summary>
    /// <param name="arms">Number of arms K ≥ 1.</param>
    /// <param name="block">The block length τ ≥ 1, or 0 to tune it to the horizon.</param>
    public BlockedExp3(int arms, int block = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        _exp3 = new Exp3(arms);
        _fixedBlock = block;
        _block = block > 0 ? block : 1;
    }

    /// <inheritdoc />
    public int Arms => _exp3.Arms;

    /// <summary>The block length τ in use.</summary>
    public long Block => _block;

    /// <inheritdoc />
    public void Prepare(long horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        _block = _fixedBlock > 0 ? _fixedBlock : (long)Math.Ceiling(Math.Cbrt(horizon) - 1e-9);
    }

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _exp3.Reset(seed);
        _inBlock = 0;
        _sum = 0;
    }

    /// <inheritdoc />
    public int Choose()
    {
        if (_inBlock == 0)
        {
            _arm = _exp3.Choose();
        }

        return _arm;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _sum += reward;
        if (++_inBlock == _block)
        {
            _exp3.Update(_arm, _sum / _block);
            _inBlock = 0;
            _sum = 0;
        }
    }
}
