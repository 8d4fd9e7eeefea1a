using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Security;

/// <summary>A logger provider that keeps every line the host writes (message, state values and exceptions), for searching.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The lines at <paramref name="minimum"/> or above that contain <paramref name="secret"/>.</summary>
    public IReadOnlyList<string> Containing(string secret, LogLevel minimum = LogLevel.Trace) =>
        [.. lines.Where(l => l.Level >= minimum && l.Text.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(l => $"{l.Level} {l.Category}: {l.Text}")];

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            log.lines.Enqueue((logLevel, category, $"{formatter(state, exception)} | {values} | {exception}"));
        }
    }
}
