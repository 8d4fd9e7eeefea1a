using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="EmailStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlEmailStoreContractTests(PostgresServer server) : EmailStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
