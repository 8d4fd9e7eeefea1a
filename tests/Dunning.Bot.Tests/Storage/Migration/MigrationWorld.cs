using Dunning.Bot.Cli;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.Migration;

/// <summary>
/// A LiteDB file with the demo data and a few web chat turns (a debtor greeted the bot and gave the access code), made
/// by the real host on LiteDB, and the <c>migrate-storage</c> verb run against a database of the private cluster.
/// </summary>
internal sealed class MigrationWorld(PostgresServer server) : IAsyncDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-migrate-");

    public string File => Path.Combine(folder.FullName, "dunning.db");

    public string Connection { get; private set; } = "";

    /// <summary>The web chat of <see cref="WithDemoDataAndTurnsAsync"/>: its conversation, token and the watermark of its last poll.</summary>
    public (string ConversationId, string Token, string Watermark) WebChat { get; private set; }

    /// <summary>The last post of that web chat: its client id, its text and the id its echo got.</summary>
    public (string ClientId, string Text, string EchoId) LastPost { get; private set; }

    public Task<MigrationWorld> WithDemoDataAndTurnsAsync(Dictionary<string, string?>? settings = null, Func<BotHost, Task>? more = null) =>
        WithLiteDbHostAsync(async host =>
        {
            var debtor = (await host.Services.GetRequiredService<IDebtorStore>().ListAsync(CancellationToken.None))
                .OrderBy(d => d.Id, StringComparer.Ordinal).First();
            var client = host.Client();
            await client.StartAsync();
            await client.SayAsync("Hallo");
            LastPost = ("c2", debtor.AccessCode, await client.SayAsync(debtor.AccessCode, "c2"));
            WebChat = (client.ConversationId, client.Token, (await client.PollAsync()).Watermark);
            if (more is not null)
                await more(host);
        }, settings, "Development");

    /// <summary>Runs the real host on LiteDB at <see cref="File"/> (with <paramref name="settings"/>), lets <paramref name="work"/> use it, stops it.</summary>
    public async Task<MigrationWorld> WithLiteDbHostAsync(Func<BotHost, Task> work, Dictionary<string, string?>? settings = null, string environment = "Testing")
    {
        using (var host = new BotHost(OnLiteDb(settings), environment))
            await work(host);
        return await WithDatabaseAsync();
    }

    /// <summary>Creates the (empty) database the migration writes to.</summary>
    public async Task<MigrationWorld> WithDatabaseAsync()
    {
        Connection = await server.CreateDatabaseAsync();
        return this;
    }

    /// <summary>A host on the PostgreSQL database the migration wrote, with <paramref name="settings"/>.</summary>
    public BotHost HostOnPostgreSql(Dictionary<string, string?>? settings = null) => new(OnPostgreSql(settings));

    /// <summary>Host settings for the LiteDB file, <paramref name="extra"/> over them; the schedule off.</summary>
    public Dictionary<string, string?> OnLiteDb(Dictionary<string, string?>? extra = null) => Settings(extra, ("Storage:Provider", "LiteDb"));

    /// <summary>Host settings for the database (after <see cref="WithDatabaseAsync"/>), <paramref name="extra"/> over them; the schedule off.</summary>
    public Dictionary<string, string?> OnPostgreSql(Dictionary<string, string?>? extra = null) =>
        Settings(extra, ("Storage:Provider", "PostgreSql"), ("Storage:ConnectionString", Connection));

    private Dictionary<string, string?> Settings(Dictionary<string, string?>? extra, params (string Key, string? Value)[] storage)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = File, ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in storage)
            settings[key] = value;
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        return settings;
    }

    /// <summary>The verb's exit code, standard output and standard error.</summary>
    public async Task<(int Exit, string Output, string Error)> MigrateAsync(params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new MigrateStorageVerb().RunAsync(
            ["--to", "postgresql", "--connection", Connection, "--from", File, "--lang", "en", .. extra], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
