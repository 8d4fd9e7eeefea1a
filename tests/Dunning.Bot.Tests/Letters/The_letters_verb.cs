using System.Text;
using Dunning.Bot.Cli;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Storage;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Letters;

/// <summary>
/// After an import the owner sees each debtor's access code (German with <c>--lang de</c>) and prints the letters of the
/// new debtors with the <c>letters</c> verb, once; malformed arguments change nothing and keep the exit codes.
/// </summary>
public sealed class The_letters_verb : IDisposable
{
    private readonly TempDatabase temp = new();
    private readonly string config;

    public The_letters_verb()
    {
        config = Path.Combine(temp.Folder, "settings.json");
        File.WriteAllText(config, $$"""
            {
              "Storage": { "Path": {{System.Text.Json.JsonSerializer.Serialize(temp.Path)}} },
              "Payee": { "AccountHolder": "Muster Handwerk GmbH", "Iban": "DE89370400440532013000" },
              "Creditor": { "Name": "Muster Handwerk GmbH", "Street": "Am Markt 1", "PostalCode": "80331", "City": "München" },
              "Telegram": { "BotUsername": "muster_bot" }
            }
            """);
    }

    [PopplerFact]
    public async Task The_import_shows_the_access_codes_in_German_and_the_new_debtors_get_their_letters_once()
    {
        var csv = Write("rechnungen.csv", Csv(Header + ",street,postal_code,city",
            Row("RE-1") + ",Hauptstraße 5,10115,Berlin", Row("RE-2", debtor: "K2", name: "Max Beispiel") + ",,,"));

        var (importExit, imported, _) = await RunAsync(new ImportVerb(), csv, "--lang", "de", "--config", config);

        Assert.Equal(0, importExit);
        Assert.Contains("Importiert: rechnungen.csv mit 2 Zeile(n); Rechnungen 2 neu", imported, StringComparison.Ordinal);
        Assert.Contains("Zugangscodes der Schuldner in der Datei", imported, StringComparison.Ordinal);
        var code = System.Text.RegularExpressions.Regex.Match(imported, @"K1  Erika Mustermann  Zugangscode (\w+) \(neu\)").Groups[1].Value;
        Assert.Matches("^[A-Z0-9]{8}$", code);
        Assert.Contains("letters --new", imported, StringComparison.Ordinal);

        var pdfPath = Path.Combine(temp.Folder, "out", "anschreiben.pdf");
        var (exit, output, error) = await RunAsync(new LettersVerb(), "--lang", "de", "--out", pdfPath, "--config", config);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains($"2 Anschreiben gespeichert in {pdfPath}", output, StringComparison.Ordinal);
        Assert.Contains("Bei 2 Schuldner(n) ist das Anschreiben vermerkt", output, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        var text = Poppler.Text(pdf);
        Assert.Matches($@"Ihr persönlicher Zugangscode\s+{code}", text);
        Assert.Contains("Hauptstraße 5", text, StringComparison.Ordinal);
        Assert.Contains("https://t.me/muster_bot?start=", string.Join(" ", Poppler.QrCodes(pdf)), StringComparison.Ordinal);

        var (again, second, _) = await RunAsync(new LettersVerb(), "--lang", "de", "--out", pdfPath, "--config", config);
        Assert.Equal(0, again);
        Assert.Contains("Keine neuen Schuldner", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_into_a_folder_writes_one_pdf_per_debtor_and_notes_nobody()
    {
        await RunAsync(new ImportVerb(), Write("a.csv", Csv(Header, Row("RE-1"), Row("RE-2", debtor: "K/2"))), "--config", config);
        var folder = Path.Combine(temp.Folder, "letters");

        var (exit, output, _) = await RunAsync(new LettersVerb(), "--folder", folder, "--dry-run", "--lang", "en", "--config", config);
        var (_, afterwards, _) = await RunAsync(new LettersVerb(), "--folder", folder, "--dry-run", "--lang", "en", "--config", config);

        Assert.Equal(0, exit);
        Assert.Equal(["letter-K1.pdf", "letter-K_2.pdf"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Dry run: nobody noted as written to.", output, StringComparison.Ordinal);
        Assert.Contains("2 letter(s) written to", afterwards, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "--lang", "fr")]
    [InlineData(2, "--lang")]
    [InlineData(2, "--new", "--all")]
    [InlineData(2, "--out", "a.pdf", "--folder", "b")]
    [InlineData(2, "--letter-language", "fr")]
    [InlineData(2, "--fancy")]
    [InlineData(1, "--debtor", "nobody")]
    public async Task Wrong_arguments_or_an_unknown_debtor_exit_non_zero_and_write_nothing(int expected, params string[] args)
    {
        await RunAsync(new ImportVerb(), Write("a.csv", Csv(Header, Row("RE-1"))), "--config", config);
        var before = Directory.GetFiles(temp.Folder, "*.pdf", SearchOption.AllDirectories).Length;

        var (exit, _, error) = await RunAsync(new LettersVerb(), [.. args, "--config", config]);

        Assert.Equal(expected, exit);
        Assert.NotEqual("", error);
        Assert.Equal(before, Directory.GetFiles(temp.Folder, "*.pdf", SearchOption.AllDirectories).Length);
        var (_, output, _) = await RunAsync(new LettersVerb(), "--dry-run", "--out", Path.Combine(temp.Folder, "check.pdf"), "--config", config);
        Assert.Contains("1 letter(s) written", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_messages_keep_the_exit_codes_of_the_other_verbs()
    {
        var (exit, _, error) = await RunAsync(new ImportVerb(), "--lang", "de");
        var (unknown, _, verbs) = await RunAsync(CliVerbs.Find(["drucken"])!, "--lang", "de");
        var (links, linksOut, _) = await RunAsync(new LinksVerb(), "--lang", "de", "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("import: Welche Datei?", error, StringComparison.Ordinal);
        Assert.Contains("Aufruf: import <rechnungen.csv>", error, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
        Assert.Contains("Unbekannter Befehl „drucken“. Befehle:", verbs, StringComparison.Ordinal);
        Assert.Contains("druckt Erstanschreiben (PDF)", verbs, StringComparison.Ordinal);
        Assert.Equal(0, links);
    }

    [Fact]
    public async Task The_links_verb_prints_each_access_code()
    {
        await RunAsync(new ImportVerb(), Write("a.csv", Csv(Header, Row("RE-1"))), "--config", config);

        var (exit, output, _) = await RunAsync(new LinksVerb(), "--lang", "de", "--config", config);

        Assert.Equal(0, exit);
        Assert.Matches(@"Zugangscode  [A-Z0-9]{8}", output);
        Assert.Contains("Telegram     https://t.me/muster_bot?start=", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ICliVerb verb, params string[] args)
    {
        using StringWriter output = new(), error = new();
        var exit = await verb.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp.Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public void Dispose() => temp.Dispose();
}
