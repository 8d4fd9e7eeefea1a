using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="CaseStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlCaseStoreContractTests(PostgresServer server) : CaseStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
