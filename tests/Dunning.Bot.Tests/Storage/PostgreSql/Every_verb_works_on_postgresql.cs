using System.Text.Json;
using Dunning.Bot.Cli;
using Dunning.Bot.Tests.Infrastructure;
using Npgsql;
using static Dunning.Bot.Tests.Banking.StatementFiles;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// With Storage:Provider=PostgreSql every verb that reads or writes the data works on the database, never on a LiteDB
/// file: import, staff, links, letters, bank-import and sweep (simulate and sweep --dry-run, which run on a private copy
/// of the data: <see cref="Dry_runs_work_on_postgresql"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Every_verb_works_on_postgresql(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-pg-verbs-");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private string Unused => Path.Combine(folder.FullName, "unused.db");

    [PostgresFact]
    public async Task Each_verb_reads_and_writes_the_database()
    {
        var (config, connection) = await ConfigAsync();
        Assert.Equal(0, await Run(new ImportVerb(), Write("invoices.csv", Csv(Header, Row("RE-1"), Row("RE-2", debtor: "K2"))), "--config", config));

        Assert.Equal(0, await Run(new StaffVerb(), "add", "--user", "anna", "--role", "owner", "--config", config));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM staff_accounts WHERE user_name = 'anna'"));

        Assert.Equal(0, await Run(new LinksVerb(), "--debtor", "K2", "--config", config));
        var code = (string?)await ScalarTextAsync(connection, "SELECT access_code FROM debtors WHERE id = 'K2'");
        Assert.Contains(code!, output.ToString(), StringComparison.Ordinal);

        var pdf = Path.Combine(folder.FullName, "letters.pdf");
        Assert.Equal(0, await Run(new LettersVerb(), "--all", "--out", pdf, "--lang", "en", "--config", config));
        Assert.True(new FileInfo(pdf).Length > 0, "letters written from the database's debtors");

        var statement = Write("stmt.xml", Camt053(new Camt("PG-1", 119.00m, Unstructured("Kunde", "RE-1"), Booked: "2026-11-20")));
        Assert.Equal(0, await Run(new BankImportVerb(), statement, "--config", config));
        Assert.Contains("booked 1, already booked 0", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await Run(new SweepVerb(), "--config", config));
        Assert.Contains("sweep:", output.ToString(), StringComparison.Ordinal);

        AssertNothingInTheLiteDbFile();
    }

    private async Task<(string Config, string Connection)> ConfigAsync()
    {
        var connection = await server.CreateDatabaseAsync();
        var config = Write("settings.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Storage"] = new Dictionary<string, string> { ["Provider"] = "PostgreSql", ["ConnectionString"] = connection, ["Path"] = Unused },
            ["Bot"] = new Dictionary<string, string> { ["PublicBaseUrl"] = "https://pay.example.org" },
        }));
        return (config, connection);
    }

    /// <summary>No debtor, invoice, case or outbox entry went into a LiteDB file (channel state may, until it moves too).</summary>
    private void AssertNothingInTheLiteDbFile()
    {
        if (!File.Exists(Unused))
            return;
        using var lite = new Dunning.Bot.Storage.LiteDb.LiteDbContext(new Dunning.Bot.Storage.StorageOptions { Path = Unused });
        foreach (var collection in new[] { "debtors", "invoices", "cases", "outbox", "staff_accounts" })
            Assert.Equal(0, lite.Database.GetCollection(collection).Count());
    }

    private Task<int> Run(ICliVerb verb, params string[] args) => verb.RunAsync(args, output, error, CancellationToken.None);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<long> ScalarAsync(string connection, string sql) => Convert.ToInt64(await ScalarTextAsync(connection, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarTextAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        folder.Delete(recursive: true);
    }
}
