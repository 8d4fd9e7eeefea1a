namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>The test classes that share one private <see cref="PostgresServer"/> (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
