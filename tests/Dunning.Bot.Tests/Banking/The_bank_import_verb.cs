using Dunning.Bot.Cli;
using Dunning.Bot.Tests.Storage;
using static Dunning.Bot.Tests.Banking.StatementFiles;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Banking;

/// <summary><c>bank-import</c> on a LiteDB file: books, says what it did, books nothing twice, refuses a bad file with exit code 1.</summary>
public sealed class The_bank_import_verb : IDisposable
{
    private readonly TempDatabase temp = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly string config;

    public The_bank_import_verb()
    {
        config = Path.Combine(temp.Folder, "settings.json");
        File.WriteAllText(config, $$"""{ "Storage": { "Path": {{System.Text.Json.JsonSerializer.Serialize(temp.Path)}} } }""");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_statement_is_booked_once_and_a_second_run_reports_it_as_already_booked()
    {
        Assert.Equal(0, await new ImportVerb().RunAsync([Write("invoices.csv", Csv(Header, Row("RE-1"))), "--config", config], output, error, CancellationToken.None));
        var statement = Write("stmt.xml", Camt053(new Camt("CLI-1", 119.00m, Unstructured("Kunde", "RE-1"), Booked: "2026-11-20")));

        var first = await new BankImportVerb().RunAsync([statement, "--config", config], output, error, CancellationToken.None);
        var second = await new BankImportVerb().RunAsync([statement, "--config", config], output, error, CancellationToken.None);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("booked 1, already booked 0", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("booked 0, already booked 1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("RE-1\t119.00 EUR", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_statement_exits_1_and_says_nothing_was_booked()
    {
        var exit = await new BankImportVerb().RunAsync([Write("bad.xml", "<Document><BkToCstmrStmt>"), "--config", config], output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("bad.xml: refused, nothing booked: malformed XML", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        Assert.Equal(2, await new BankImportVerb().RunAsync([Path.Combine(temp.Folder, "none.xml"), "--config", config], output, error, CancellationToken.None));
    }

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        temp.Dispose();
    }
}
