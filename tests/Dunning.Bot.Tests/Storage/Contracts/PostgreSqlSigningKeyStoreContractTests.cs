using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="SigningKeyStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlSigningKeyStoreContractTests(PostgresServer server) : SigningKeyStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
