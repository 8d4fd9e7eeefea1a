using System.Diagnostics;
using System.Text.Json;

namespace Dunning.Bot.Benchmarks;

/// <summary>Prints results as one JSON line each and measures what every scenario needs.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes one JSON line: the scenario name first, then the values.</summary>
    public static void Line(string scenario, object values)
    {
        var node = JsonSerializer.SerializeToNode(values, Json)!.AsObject();
        node.Insert(0, "scenario", scenario);
        Console.WriteLine(node.ToJsonString());
    }

    /// <summary>Peak working set of this process in MB (Linux: VmHWM).</summary>
    public static double PeakMemoryMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return Math.Round(process.PeakWorkingSet64 / 1024.0 / 1024.0, 1);
    }

    /// <summary>The value at quantile q (0..1) of a sorted list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
