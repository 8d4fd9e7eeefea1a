using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Storage.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// The unit of work a channel adapter begins on PostgreSQL (the web chat's, before its echo) holds the conversation's
/// advisory lock until it ends — the same lock the turn middleware takes — so another host's turn of that conversation
/// waits, and no path takes the conversation's row before that lock.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class An_adapters_unit_of_work_holds_its_conversation(PostgresServer server)
{
    [PostgresFact]
    public async Task Another_host_cannot_take_the_conversation_until_the_unit_ends()
    {
        using var storage = new PostgreSqlUnderTest(server);
        await using var services = storage.Open(TimeProvider.System);
        var key = PostgreSqlTurnLock.Key("webchat", "c-1");

        using (var unit = services.GetRequiredService<IUnitOfWorkFactory>().BeginUnitOfWork())
        {
            await unit.HoldConversationAsync("webchat", "c-1", CancellationToken.None);

            Assert.False(await TryLockAsync(services, key));
            Assert.True(await TryLockAsync(services, PostgreSqlTurnLock.Key("webchat", "c-2")));
        }

        Assert.True(await TryLockAsync(services, key));
    }

    private static async Task<bool> TryLockAsync(IServiceProvider services, long key)
    {
        await using var other = await services.GetRequiredService<PostgreSqlDatabase>().DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", other) { Parameters = { new NpgsqlParameter { Value = key } } };
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
