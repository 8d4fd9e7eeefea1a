using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL's binaries (<see cref="PostgresServer"/>): reported as skipped, with the install command,
/// when they are missing — except in CI (CI=true), where it runs and fails, so a missing server never passes silently.
/// Such a test chooses PostgreSQL itself, so it carries the trait <c>Storage=PostgreSql</c> (<see cref="ChoosesPostgreSql"/>)
/// and the PostgreSQL pass of <c>.ci/run</c>, which runs every other test with its hosts on PostgreSQL, leaves it out:
/// the LiteDB pass ran it on PostgreSQL already.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[TraitDiscoverer(ChoosesPostgreSql.TypeName, ChoosesPostgreSql.AssemblyName)]
public sealed class PostgresFactAttribute : FactAttribute, ITraitAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason() is { } reason)
            Skip = reason;
    }
}

/// <summary>The trait <c>Storage=PostgreSql</c> of <see cref="PostgresFactAttribute"/> and <see cref="PostgresTheoryAttribute"/>.</summary>
public sealed class ChoosesPostgreSql : ITraitDiscoverer
{
    public const string TypeName = "Dunning.Bot.Tests.Infrastructure.ChoosesPostgreSql";
    public const string AssemblyName = "Dunning.Bot.Tests";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => [new("Storage", "PostgreSql")];
}
