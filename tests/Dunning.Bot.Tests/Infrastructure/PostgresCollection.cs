namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>The test classes that share one private <see cref="PostgresServer"/> (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// The two-minute three-host SIGKILL test on a private <see cref="PostgresServer"/> of its own, so it runs beside the other
/// PostgreSQL classes (one collection runs its classes one after another) instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresDispatchCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL: three hosts dispatching";
}
