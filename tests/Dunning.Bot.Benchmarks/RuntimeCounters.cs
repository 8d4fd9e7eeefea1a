using System.Runtime;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// Process-wide runtime costs a scenario can subtract across its measured window: JIT compile time and methods
/// compiled (tiering up), GC pause time and contended lock acquisitions.
/// </summary>
internal readonly record struct RuntimeCounters(TimeSpan Jit, long JitMethods, TimeSpan GcPause, long LockContentions)
{
    public static RuntimeCounters Now() => new(
        JitInfo.GetCompilationTime(currentThread: false),
        JitInfo.GetCompiledMethodCount(currentThread: false),
        GC.GetTotalPauseDuration(),
        Monitor.LockContentionCount);

    public static RuntimeCounters operator -(RuntimeCounters after, RuntimeCounters before) => new(
        after.Jit - before.Jit,
        after.JitMethods - before.JitMethods,
        after.GcPause - before.GcPause,
        after.LockContentions - before.LockContentions);
}
