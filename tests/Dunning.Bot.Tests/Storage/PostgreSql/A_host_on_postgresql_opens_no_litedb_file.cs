using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// With Storage:Provider=PostgreSql nothing persistent is left in a LiteDB file: the channels' own state (web chat
/// conversations and activities, Telegram's inbox and offset, Teams, e-mail) is in PostgreSQL, the turn's unit of work is
/// PostgreSQL's, and the host never opens the file at Storage:Path — it works even where no file could be created.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class A_host_on_postgresql_opens_no_litedb_file(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly FakeUser Anna = new(424242, "Anna", "Berger", "anna_b", "de");

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private FakeTelegramServer telegram = null!;
    private string connection = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), timeout.Token);
        connection = await server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await telegram.DisposeAsync();
        timeout.Dispose();
    }

    [PostgresFact]
    public async Task A_web_chat_and_a_telegram_turn_leave_no_database_file_and_need_no_usable_storage_path()
    {
        // Storage:Path points below a plain file: LiteDB could not create its database there, so any attempt would fail.
        var blocker = Path.Combine(Path.GetTempPath(), "dunning-not-a-folder-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "not a folder");
        try
        {
            using var host = new BotHost(EndToEndHost.Settings(new()
            {
                ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
                ["Storage:ConnectionString"] = connection,
                ["Storage:Path"] = Path.Combine(blocker, "dunning.db"),
                ["Telegram:Token"] = telegram.Token,
                ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
                ["Telegram:PollingTimeout"] = "00:00:01",
            }));
            var client = host.Client();
            await client.StartAsync();
            await client.SayAsync("Hallo");
            var (activities, _) = await client.PollAsync();
            telegram.EnqueueMessage(Anna, "Hallo");
            await telegram.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == Anna.Id), Wait, timeout.Token);
            // The update is marked handled just after its reply went out.
            for (var waited = 0; waited < 100 && await CountAsync("SELECT count(*) FROM telegram_updates WHERE state = 'done'", null) == 0; waited++)
                await Task.Delay(100, timeout.Token);

            Assert.Contains(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
            Assert.IsType<PostgreSqlWebChatStore>(host.Services.GetRequiredService<IWebChatStore>());
            Assert.IsType<PostgreSqlTeamsStore>(host.Services.GetRequiredService<ITeamsStore>());
            Assert.IsType<PostgreSqlEmailStore>(host.Services.GetRequiredService<IEmailStore>());
            Assert.IsType<PostgreSqlUnitOfWorkFactory>(host.Services.GetRequiredService<IUnitOfWorkFactory>());
            Assert.True(await CountAsync("SELECT count(*) FROM webchat_activities WHERE conversation_id = $1", client.ConversationId) >= 2);
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM telegram_updates WHERE state = 'done'", null));
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM channel_state WHERE key = 'telegram:offset'", null));
            Assert.Empty(Directory.EnumerateFiles(host.DataDirectory, "*", SearchOption.AllDirectories));
            Assert.True(File.Exists(blocker));
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    private async Task<long> CountAsync(string sql, string? parameter)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        if (parameter is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
