namespace Dunning.Bot.Storage;

/// <summary>Another process holds the database (the LiteDB file lock, for one); the message names it and what to do.</summary>
public sealed class DatabaseInUseException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>The exit code of a process refused because another one holds the database.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs <paramref name="run"/>; a <see cref="DatabaseInUseException"/> anywhere in it becomes its message on <paramref name="error"/> and exit code 2.</summary>
    public static async Task<int> ExitWhenThrownAsync(Func<Task<int>> run, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await run();
        }
        catch (Exception ex) when (InUse(ex) is { } inUse)
        {
            await error.WriteLineAsync(inUse.Message);
            return ExitCode;
        }
    }

    private static DatabaseInUseException? InUse(Exception? ex) => ex switch
    {
        null => null,
        DatabaseInUseException inUse => inUse,
        AggregateException aggregate => aggregate.InnerExceptions.Select(InUse).FirstOrDefault(e => e is not null),
        _ => InUse(ex.InnerException),
    };
}
