using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>Keeps every log entry at Error or above (an unhandled exception is logged there by ASP.NET Core and Kestrel).</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> errors = new();

    public IReadOnlyList<string> Errors => [.. errors];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner.errors.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
