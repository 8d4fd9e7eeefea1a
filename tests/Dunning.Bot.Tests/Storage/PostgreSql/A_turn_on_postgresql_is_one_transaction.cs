using System.Text;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Storage.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// The turn middleware of the PostgreSQL provider: what a turn writes through the joining stores lands when the turn
/// completes, and nothing of it when the turn throws.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class A_turn_on_postgresql_is_one_transaction(PostgresServer server)
{
    [PostgresFact]
    public async Task A_completed_turn_commits_and_a_failed_turn_writes_nothing()
    {
        using var provider = new PostgreSqlUnderTest(server);
        await using var services = provider.Open(TimeProvider.System);
        var database = services.GetRequiredService<PostgreSqlDatabase>();
        var storage = new StoresUnderTest(services);
        var adapter = new TestAdapter { OnTurnError = null };
        adapter.Use(new PostgreSqlTurnMiddleware(database, Microsoft.Extensions.Options.Options.Create(new PostgreSqlHostsOptions())));

        await adapter.SendTextToBotAsync("ok", (turn, ct) => WriteAsync(database, storage, "webchat/ok", ct), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SendTextToBotAsync("boom", async (turn, ct) =>
        {
            await WriteAsync(database, storage, "webchat/boom", ct);
            throw new InvalidOperationException("the turn failed");
        }, CancellationToken.None));

        Assert.Single(await storage.Transcripts.ListAsync("webchat/ok", null, 10, CancellationToken.None));
        Assert.Single(await storage.BotState.ReadAsync(["webchat/ok"], CancellationToken.None));
        Assert.Empty(await storage.Transcripts.ListAsync("webchat/boom", null, 10, CancellationToken.None));
        Assert.Empty(await storage.BotState.ReadAsync(["webchat/boom"], CancellationToken.None));
        Assert.Null(database.UnitOfWork);
    }

    private static async Task WriteAsync(PostgreSqlDatabase database, StoresUnderTest storage, string key, CancellationToken cancellationToken)
    {
        Assert.NotNull(database.UnitOfWork);
        await storage.Transcripts.AppendAsync(new TranscriptEntry(key, null, Samples.Moment, TranscriptDirection.Inbound, "message", "x"), cancellationToken);
        await storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { [key] = new StoreItem(Encoding.UTF8.GetBytes("{}"), null) }, cancellationToken);
    }
}
