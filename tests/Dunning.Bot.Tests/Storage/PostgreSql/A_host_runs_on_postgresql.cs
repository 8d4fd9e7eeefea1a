using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Storage:Provider=PostgreSql: the host migrates the database at start, its ports are the PostgreSQL stores, and a
/// debtor's web chat turn keeps its link, transcript and dialog state in PostgreSQL. Wrong options stop the start
/// with a sentence that names the setting.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class A_host_runs_on_postgresql(PostgresServer server)
{
    private static BotHost Host(string? connection, string provider = "PostgreSql") => new(new()
    {
        ["Storage:Provider"] = provider,
        ["Storage:ConnectionString"] = connection,
        ["Scheduling:Enabled"] = "false",
    });

    [PostgresFact]
    public async Task A_web_chat_turn_is_stored_in_postgresql()
    {
        var connection = await server.CreateDatabaseAsync();
        using var host = Host(connection);
        var client = host.Client();
        await client.StartAsync();

        await client.SayAsync("Hallo");
        var (activities, _) = await client.PollAsync();

        Assert.Contains(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.IsType<PostgreSqlConversationStore>(host.Services.GetRequiredService<IConversationStore>());
        Assert.IsType<PostgreSqlBotStorage>(host.Services.GetRequiredService<IStorage>());
        Assert.IsType<PostgreSqlOutbox>(host.Services.GetRequiredService<IOutbox>());
        var key = $"webchat/{client.ConversationId}";
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM conversations WHERE key = $1", key));
        Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM transcripts WHERE conversation_key = $1", key) >= 2);
    }

    [PostgresFact]
    public async Task Several_hosts_migrating_at_once_apply_each_migration_once()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connection);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlMigrations.ApplyAsync(source, CancellationToken.None))));

        Assert.Equal(PostgreSqlMigrations.All.Select(m => m.Version), applied.SelectMany(a => a).Order());
        Assert.Equal(PostgreSqlMigrations.All.Count, await ScalarAsync(connection, "SELECT count(*) FROM dunning_migrations", null));
        Assert.Empty(await PostgreSqlMigrations.ApplyAsync(source, CancellationToken.None));
    }

    [PostgresFact]
    public async Task An_applied_migration_whose_text_changed_is_refused_by_name()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connection);
        await PostgreSqlMigrations.ApplyAsync(source, CancellationToken.None);
        await ScalarAsync(connection, "UPDATE dunning_migrations SET checksum = 'edited' WHERE version = 1 RETURNING 0", null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlMigrations.ApplyAsync(source, CancellationToken.None));

        Assert.Contains("0001_documents", error.Message);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_does_not_start_and_says_which_setting()
    {
        using var host = Host(null);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.BaseAddress);

        Assert.Contains("Storage:ConnectionString is required", error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_does_not_start()
    {
        using var host = Host("Host=db;Nonsense Key=1");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.BaseAddress);

        Assert.Contains("Storage:ConnectionString is not a valid PostgreSQL connection string", error.Message);
    }

    [Fact]
    public void An_unknown_provider_does_not_start()
    {
        using var host = Host(null, provider: "Oracle");

        var error = Assert.ThrowsAny<Exception>(() => host.BaseAddress);

        Assert.Contains("Storage:Provider", error.ToString());
    }

    private static async Task<long> ScalarAsync(string connection, string sql, string? parameter)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        if (parameter is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
