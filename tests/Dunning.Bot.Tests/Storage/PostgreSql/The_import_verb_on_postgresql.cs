using Dunning.Bot.Cli;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>The import verb with Storage:Provider=PostgreSql writes into the database (migrating it first), not into a LiteDB file.</summary>
[Collection(PostgresCollection.Name)]
public sealed class The_import_verb_on_postgresql(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-pg-import-");

    [PostgresFact]
    public async Task Imports_into_a_fresh_database_and_a_second_run_changes_nothing()
    {
        var connection = await server.CreateDatabaseAsync();
        var config = Path.Combine(folder.FullName, "settings.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Storage": { "Provider": "PostgreSql", "ConnectionString": {{System.Text.Json.JsonSerializer.Serialize(connection)}},
                           "Path": {{System.Text.Json.JsonSerializer.Serialize(Path.Combine(folder.FullName, "unused.db"))}} } }
            """);
        var csv = Path.Combine(folder.FullName, "ok.csv");
        await File.WriteAllTextAsync(csv, Csv(Header, Row("RE-1"), Row("RE-2", debtor: "K2")));
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await new ImportVerb().RunAsync([csv, "--config", config], output, error, CancellationToken.None));
        Assert.Equal(0, await new ImportVerb().RunAsync([csv, "--config", config], output, error, CancellationToken.None));

        Assert.Contains("invoices 2 new", output.ToString());
        Assert.Contains("invoices 0 new, 0 updated, 2 unchanged", output.ToString());
        await using var database = new PostgreSqlDatabase(connection);
        var invoices = await new PostgreSqlInvoiceStore(database).FindManyAsync(["RE-1", "RE-2"], CancellationToken.None);
        Assert.Equal(2, invoices.Count);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "unused.db")));
    }

    public void Dispose() => folder.Delete(recursive: true);
}
