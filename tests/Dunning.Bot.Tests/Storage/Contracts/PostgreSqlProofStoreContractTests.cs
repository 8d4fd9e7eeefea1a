using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="ProofStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlProofStoreContractTests(PostgresServer server) : ProofStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
