using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="AuditLogContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlAuditLogContractTests(PostgresServer server) : AuditLogContract(new PostgreSqlUnderTest(server)), INeedPostgres;
