using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="BotStateContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlBotStateContractTests(PostgresServer server) : BotStateContract(new PostgreSqlUnderTest(server)), INeedPostgres;
