using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="WebChatStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlWebChatStoreContractTests(PostgresServer server) : WebChatStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
