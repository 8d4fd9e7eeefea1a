namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL's binaries (<see cref="PostgresServer"/>): reported as skipped, with the install command,
/// when they are missing — except in CI (CI=true), where it runs and fails, so a missing server never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason() is { } reason)
            Skip = reason;
    }
}
