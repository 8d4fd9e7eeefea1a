using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="TranscriptStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlTranscriptStoreContractTests(PostgresServer server) : TranscriptStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
