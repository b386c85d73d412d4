using System.Runtime;

namespace Rapport.Cli;

/// <summary>
/// Asks the garbage collector to hold off while a one-shot command does a burst of work whose allocations all stay
/// alive until it ends (an import keeps every row, draft and entity until it commits). Collecting then finds nothing to
/// free and only copies survivors from one generation to the next: for a 30,000-row import that was about 20
/// collections and 0.25–0.37 s of pauses. A process that exits right after has no use for them.
/// </summary>
/// <remarks>
/// Only for the command line, never for <c>serve</c>, whose requests share the process. If the work allocates more than
/// the budget, the runtime collects as usual and the hold simply ends. One hold at a time per process: a second one (as
/// in tests that run commands side by side) does nothing. The budget is one the runtime grants (it refuses one larger
/// than it can commit, and having refused one, this runtime was seen to refuse later, smaller ones in the same process).
/// </remarks>
public sealed class CollectorHold : IDisposable
{
    private static int _held;
    private bool _owner;

    private CollectorHold() { }

    /// <summary>Starts holding the collector off for up to <paramref name="budgetBytes"/> of allocations, unless another hold is on.</summary>
    public static CollectorHold Begin(long budgetBytes)
    {
        var hold = new CollectorHold();
        if (Interlocked.CompareExchange(ref _held, 1, 0) != 0) return hold;
        try
        {
            hold._owner = GC.TryStartNoGCRegion(budgetBytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A budget larger than this runtime allows, or a region someone else started: collect as usual.
        }
        if (!hold._owner) Volatile.Write(ref _held, 0);
        return hold;
    }

    /// <summary>Whether the collector is being held off by this hold right now.</summary>
    public bool Holding => _owner && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    public void Dispose()
    {
        if (!_owner) return;
        _owner = false;
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The budget ran out (or a collection was induced) and the region had already ended.
        }
        finally
        {
            Volatile.Write(ref _held, 0);
        }
    }
}
