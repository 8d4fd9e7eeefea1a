using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="PayerAccountStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlPayerAccountStoreContractTests(PostgresServer server) : PayerAccountStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
