using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="DebtorErasureStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlDebtorErasureStoreContractTests(PostgresServer server) : DebtorErasureStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
