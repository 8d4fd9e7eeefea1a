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

    public async Task<MigrationWorld> WithDemoDataAndTurnsAsync()
    {
        using (var host = new BotHost(new()
        {
            ["Storage:Path"] = File,
            ["Storage:Provider"] = "LiteDb",
            ["Scheduling:Enabled"] = "false",
        }, "Development"))
        {
            var debtor = (await host.Services.GetRequiredService<IDebtorStore>().ListAsync(CancellationToken.None))
                .OrderBy(d => d.Id, StringComparer.Ordinal).First();
            var client = host.Client();
            await client.StartAsync();
            await client.SayAsync("Hallo");
            await client.SayAsync(debtor.AccessCode, "c2");
            await client.PollAsync();
        }
        Connection = await server.CreateDatabaseAsync();
        return this;
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
