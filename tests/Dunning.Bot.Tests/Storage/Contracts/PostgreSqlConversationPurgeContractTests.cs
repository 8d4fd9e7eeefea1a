using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="ConversationPurgeContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConversationPurgeContractTests(PostgresServer server) : ConversationPurgeContract(new PostgreSqlUnderTest(server)), INeedPostgres;
