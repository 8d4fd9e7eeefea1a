using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="OutboxContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlOutboxContractTests(PostgresServer server) : OutboxContract(new PostgreSqlUnderTest(server)), INeedPostgres;
