using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="AgreementStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlAgreementStoreContractTests(PostgresServer server) : AgreementStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
