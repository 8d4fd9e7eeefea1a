using System.Text;
using Dunning.Bot.Cli;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Storage;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Intake;

public sealed class The_import_verb : IDisposable
{
    private readonly TempDatabase temp = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly string config;

    public The_import_verb()
    {
        config = System.IO.Path.Combine(temp.Folder, "settings.json");
        File.WriteAllText(config, $$"""{ "Storage": { "Path": {{System.Text.Json.JsonSerializer.Serialize(temp.Path)}} } }""");
    }

    [Fact]
    public async Task Imports_a_valid_file_exits_0_and_says_what_it_did()
    {
        var csv = Write("ok.csv", Csv(Header, Row("RE-1"), Row("RE-2", debtor: "K2")));

        var exit = await Run(csv, "--config", config);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        Assert.Contains("Imported ok.csv: 2 row(s); invoices 2 new, 0 updated, 0 unchanged; debtors 2 new, 0 updated; cases 2 new.", output.ToString());
        Assert.Equal(2, StoredInvoices());
    }

    [Fact]
    public async Task An_invalid_row_exits_1_lists_row_and_column_and_imports_nothing()
    {
        var csv = Write("bad.csv", Csv(Header, Row("RE-1"), Row("RE-2", due: "2026-10-01"), Row("RE-3", currency: "XYZ")));

        var exit = await Run(csv, "--config", config);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("bad.csv: 2 problem(s); nothing was imported.", report);
        Assert.Contains("row 3, due_date: 2026-10-01 is before the issue date 2026-11-01.", report);
        Assert.Contains("row 4, currency: 'XYZ' is not an ISO 4217 code such as EUR.", report);
        Assert.Equal(0, StoredInvoices());
    }

    [Fact]
    public async Task Skip_invalid_exits_0_imports_the_rest_and_still_reports()
    {
        var csv = Write("mixed.csv", Csv(Header, Row("RE-1"), Row("RE-2", total: "0")));

        var exit = await Run(csv, "--skip-invalid", "--config", config);

        Assert.Equal(0, exit);
        Assert.Contains("1 problem(s); 1 row(s) skipped.", error.ToString());
        Assert.Contains("row 3, total:", error.ToString());
        Assert.Contains("invoices 1 new", output.ToString());
        Assert.Equal(1, StoredInvoices());
    }

    [Fact]
    public async Task A_dry_run_exits_0_and_leaves_the_database_empty()
    {
        var csv = Write("dry.csv", Csv(Header, Row("RE-1")));

        var exit = await Run(csv, "--dry-run", "--config", config);

        Assert.Equal(0, exit);
        Assert.Contains("Dry run, nothing written dry.csv", output.ToString());
        Assert.Equal(0, StoredInvoices());
    }

    [Fact]
    public async Task A_rejected_file_exits_1_with_the_reason()
    {
        var csv = Write("cols.csv", Csv("rechnungsnummer;farbe", "RE-1;rot"));

        Assert.Equal(1, await Run(csv, "--config", config));
        Assert.Contains("file: unknown column(s): 'farbe'", error.ToString());
    }

    [Theory]
    [InlineData()]
    [InlineData("a.csv", "b.csv")]
    [InlineData("a.csv", "--force")]
    [InlineData("a.csv", "--config")]
    public async Task Wrong_arguments_exit_2_with_usage(params string[] args)
    {
        Assert.Equal(2, await new ImportVerb().RunAsync(args, output, error, CancellationToken.None));
        Assert.Contains("usage: import <invoices.csv>", error.ToString());
    }

    [Fact]
    public void The_verb_is_in_the_table() => Assert.IsType<ImportVerb>(CliVerbs.Find(["import", "x.csv"]));

    private Task<int> Run(params string[] args) => new ImportVerb().RunAsync(args, output, error, CancellationToken.None);

    private string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(temp.Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private int StoredInvoices()
    {
        if (!File.Exists(temp.Path))
            return 0;
        using var context = temp.Open();
        return context.Database.GetCollection(LiteDbContext.Invoices).Count();
    }

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        temp.Dispose();
    }
}
