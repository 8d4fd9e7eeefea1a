using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>--alloc-types N</c>: samples the runtime's allocation ticks (one event per ~100 KB allocated) and prints the
/// N types allocated most to standard error — where a turn's garbage comes from, without an outside profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytes = new(StringComparer.Ordinal);
    private volatile bool on;

    public void Start() => on = true;

    public void Stop() => on = false;

    /// <summary>Writes the top <paramref name="count"/> types by sampled bytes, with their share.</summary>
    public void Print(int count, TextWriter output)
    {
        var total = Math.Max(1, bytes.Values.Sum());
        foreach (var (type, sampled) in bytes.OrderByDescending(p => p.Value).Take(count))
            output.WriteLine($"{100.0 * sampled / total,6:F1} %  {sampled / 1024 / 1024,6} MB  {type}");
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!on || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            return;
        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
