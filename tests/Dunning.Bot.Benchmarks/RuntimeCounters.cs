using System.Runtime;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// Process-wide runtime costs a scenario can subtract across its measured window: JIT compile time and methods
/// compiled (tiering up), GC pause time, contended lock acquisitions and bytes allocated.
/// </summary>
internal readonly record struct RuntimeCounters(TimeSpan Jit, long JitMethods, TimeSpan GcPause, long LockContentions, long AllocatedBytes)
{
    public static RuntimeCounters Now() => new(
        JitInfo.GetCompilationTime(currentThread: false),
        JitInfo.GetCompiledMethodCount(currentThread: false),
        GC.GetTotalPauseDuration(),
        Monitor.LockContentionCount,
        GC.GetTotalAllocatedBytes(precise: false));

    public static RuntimeCounters operator -(RuntimeCounters after, RuntimeCounters before) => new(
        after.Jit - before.Jit,
        after.JitMethods - before.JitMethods,
        after.GcPause - before.GcPause,
        after.LockContentions - before.LockContentions,
        after.AllocatedBytes - before.AllocatedBytes);
}
