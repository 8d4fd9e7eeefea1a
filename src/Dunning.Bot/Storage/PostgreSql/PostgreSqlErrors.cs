using Dunning.Bot.Core.Ports;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>PostgreSQL's refusals in the words of the ports: a taken unique value, a lost race.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>The port's exception for <paramref name="ex"/>, or null when it is not one the ports know.</summary>
    public static Exception? Translate(PostgresException ex) => ex.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation when ex.ConstraintName?.EndsWith("_pkey", StringComparison.Ordinal) == true =>
            new ConcurrencyConflictException($"{ex.TableName} was created by someone else meanwhile ({ex.Detail}); nothing was written. Re-read and try again."),
        PostgresErrorCodes.UniqueViolation =>
            new UniqueValueException($"{ex.TableName}: a unique value is already used ({ex.ConstraintName}: {ex.Detail}). Nothing was written.", ex),
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
            new ConcurrencyConflictException($"{ex.TableName ?? "the database"}: a concurrent write won ({ex.MessageText}); nothing was written. Re-read and try again."),
        _ => null,
    };

    public static ConcurrencyConflictException Conflict(string table, string id, string detail) =>
        new($"{table} '{id}' was changed or created by someone else ({detail}); nothing was written. Re-read and try again.");
}
