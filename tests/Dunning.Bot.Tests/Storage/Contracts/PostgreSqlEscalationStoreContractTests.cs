using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="EscalationStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlEscalationStoreContractTests(PostgresServer server) : EscalationStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
