using Xunit.Sdk;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>A theory that needs PostgreSQL's binaries; skipped or failing exactly as <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[TraitDiscoverer(ChoosesPostgreSql.TypeName, ChoosesPostgreSql.AssemblyName)]
public sealed class PostgresTheoryAttribute : TheoryAttribute, ITraitAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason() is { } reason)
            Skip = reason;
    }
}
