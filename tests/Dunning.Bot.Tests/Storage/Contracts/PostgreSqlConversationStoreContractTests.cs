using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="ConversationStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConversationStoreContractTests(PostgresServer server) : ConversationStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
