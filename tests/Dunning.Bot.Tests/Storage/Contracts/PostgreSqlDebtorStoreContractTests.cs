using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="DebtorStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlDebtorStoreContractTests(PostgresServer server) : DebtorStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
