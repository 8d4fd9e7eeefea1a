using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="TeamsStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlTeamsStoreContractTests(PostgresServer server) : TeamsStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
