using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// A child process whose standard output and error are read as they come (so it never blocks on a full pipe): the
/// output lines are kept for <see cref="OutputAsync"/>, the last <see cref="TailLines"/> lines of both for error messages.
/// </summary>
internal sealed class CapturedProcess
{
    private const int TailLines = 60;
    private const int FailureLines = 100;
    private readonly ConcurrentQueue<string> tail = new();
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> failures = new();
    private int failureLinesLeft;

    public CapturedProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data, output);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>Waits for the process to end and returns its standard output and error.</summary>
    public async Task<string> OutputAsync(CancellationToken ct)
    {
        await Process.WaitForExitAsync(ct);
        return string.Join('\n', output) + "\n" + Tail();
    }

    /// <summary>The standard output lines so far.</summary>
    public IReadOnlyList<string> Lines => [.. output];

    /// <summary>The last lines of standard output and error together, after the first logged failures if any.</summary>
    public string Tail() => string.Join('\n', failures.Concat(tail));

    private void Keep(string? line, ConcurrentQueue<string>? lines)
    {
        if (line is null)
            return;
        lines?.Enqueue(line);
        // The first few errors a .NET host logged (" fail: " or " crit: " and the lines of their exception).
        if (failures.Count < FailureLines && (line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal)))
            failureLinesLeft = 25;
        if (failureLinesLeft > 0 && failures.Count < FailureLines)
        {
            failures.Enqueue(line);
            failureLinesLeft--;
        }
        tail.Enqueue(line);
        while (tail.Count > TailLines)
            tail.TryDequeue(out _);
    }
}
