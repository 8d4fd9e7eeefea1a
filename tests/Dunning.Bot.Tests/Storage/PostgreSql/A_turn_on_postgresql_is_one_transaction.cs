using System.Text;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Storage.Contracts;

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
        await using var storage = await PostgreSqlStorageUnderTest.CreateAsync(server);
        var adapter = new TestAdapter { OnTurnError = null };
        adapter.Use(new PostgreSqlTurnMiddleware(storage.Database));

        await adapter.SendTextToBotAsync("ok", (turn, ct) => WriteAsync(storage, "webchat/ok", ct), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SendTextToBotAsync("boom", async (turn, ct) =>
        {
            await WriteAsync(storage, "webchat/boom", ct);
            throw new InvalidOperationException("the turn failed");
        }, CancellationToken.None));

        Assert.Single(await storage.Transcripts.ListAsync("webchat/ok", null, 10, CancellationToken.None));
        Assert.Single(await storage.BotState.ReadAsync(["webchat/ok"], CancellationToken.None));
        Assert.Empty(await storage.Transcripts.ListAsync("webchat/boom", null, 10, CancellationToken.None));
        Assert.Empty(await storage.BotState.ReadAsync(["webchat/boom"], CancellationToken.None));
        Assert.Null(storage.Database.UnitOfWork);
    }

    private static async Task WriteAsync(PostgreSqlStorageUnderTest storage, string key, CancellationToken cancellationToken)
    {
        Assert.NotNull(storage.Database.UnitOfWork);
        await storage.Transcripts.AppendAsync(new TranscriptEntry(key, null, Samples.Moment, TranscriptDirection.Inbound, "message", "x"), cancellationToken);
        await storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { [key] = new StoreItem(Encoding.UTF8.GetBytes("{}"), null) }, cancellationToken);
    }
}
