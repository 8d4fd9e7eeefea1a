using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Turns a logged turn error into a test failure with the original exception, instead of a silent neutral reply.</summary>
public sealed class FailFastLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error)
            throw new InvalidOperationException("The turn failed: " + formatter(state, exception), exception);
    }
}
