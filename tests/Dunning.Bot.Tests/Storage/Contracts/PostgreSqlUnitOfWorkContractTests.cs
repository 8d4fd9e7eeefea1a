using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="UnitOfWorkContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlUnitOfWorkContractTests(PostgresServer server) : UnitOfWorkContract(new PostgreSqlUnderTest(server)), INeedPostgres;
