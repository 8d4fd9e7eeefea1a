using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="TelegramStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlTelegramStoreContractTests(PostgresServer server) : TelegramStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;
