using System.Globalization;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Intake;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// The data folder of <see cref="PeerScenario"/>'s Dunning.Bot: <see cref="Debtors"/> debtors imported from a CSV
/// through the real importer (one overdue invoice each, English), the host's settings file, and the load.js script
/// with one access code per virtual user (<c>--vars</c>).
/// </summary>
internal static class PeerData
{
    public const int Debtors = 200;

    public const string SettingsFile = "settings.json";

    /// <summary>
    /// The six turns: greeting, access code, balance question, a deferral request (answered with counter-offers), a
    /// reply, thanks — each with a regex its replies must match, so a run that went off the script fails.
    /// </summary>
    private static readonly (string Message, string Expect)[] Script =
    [
        ("hi", "access code|Zugangscode"),
        ("{{code}}", "linked"),
        ("How much do I still owe?", "RE-"),
        ("I need more time, can I pay on {{later}}?", "can offer"),
        ("1", "Shall I record"),
        ("no, thanks", "recorded"),
    ];

    /// <summary>Imports the debtors into <paramref name="folder"/> and writes the settings and script; returns (script, vars).</summary>
    public static async Task<(string Script, string Vars)> PrepareAsync(string folder, CancellationToken ct)
    {
        var database = Path.Combine(folder, "dunning.db");
        var csv = Path.Combine(folder, "invoices.csv");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var rows = new StringBuilder("invoice_number;debtor_id;debtor_name;debtor_kind;language;issue_date;due_date;currency;total\n");
        for (var n = 0; n < Debtors; n++)
        {
            var total = (480m + n * 3.25m).ToString("0.00", CultureInfo.InvariantCulture);
            rows.Append(CultureInfo.InvariantCulture, $"RE-{n:D5};K{n:D5};Customer {n};{(n % 3 == 0 ? "business" : "consumer")};en;")
                .Append(CultureInfo.InvariantCulture, $"{today.AddDays(-45):yyyy-MM-dd};{today.AddDays(-15):yyyy-MM-dd};EUR;{total}\n");
        }
        await File.WriteAllTextAsync(csv, rows.ToString(), ct);

        string[] codes;
        using (var context = new LiteDbContext(new StorageOptions { Path = database }))
        {
            var debtors = new LiteDebtorStore(context);
            var importer = new InvoiceImporter(debtors, new LiteInvoiceStore(context), new LiteCaseStore(context),
                Options.Create(new ImportOptions()), TimeProvider.System);
            var result = await importer.ImportAsync(csv, ImportMode.AllOrNothing, ct);
            if (!result.Committed || result.DebtorsCreated != Debtors)
                throw new InvalidOperationException($"The import failed: {string.Join("; ", result.Problems.Take(5))}");
            var imported = (await debtors.ListAsync(ct)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            // A code without a digit counts as a code only when the message means nothing else, and the classifier
            // reads some of those letter runs as an intent: the load would then fail for reasons of chance. Such
            // debtors get a new code with a digit (as the owner would re-issue it), so every run is the same.
            foreach (var debtor in imported.Where(d => !d.AccessCode.Any(char.IsAsciiDigit)))
            {
                do
                    debtor.AccessCode = DebtorSecrets.NewAccessCode();
                while (!debtor.AccessCode.Any(char.IsAsciiDigit) || (await debtors.FindByAccessCodeAsync(debtor.AccessCode, ct)) is not null);
                await debtors.SaveAsync(debtor, ct);
            }
            codes = [.. imported.Select(d => d.AccessCode)];
        }

        var settings = new
        {
            Storage = new { Path = database },
            Bot = new { SeedDemoData = false },
            Teams = new { Enabled = true, AllowAnonymous = true },
            // The sweep runs once at start; a periodic one during the load would remind the debtors whose chats the
            // load just linked (a dead serviceUrl), and later turns would rightly answer differently than the script expects.
            Scheduling = new { SweepCron = "0 0 0 1 1 ? 2099" },
        };
        await File.WriteAllTextAsync(Path.Combine(folder, SettingsFile), JsonSerializer.Serialize(settings), ct);
        var script = Path.Combine(folder, "script.json");
        await File.WriteAllTextAsync(script, JsonSerializer.Serialize(new
        {
            messages = Script.Select(s => s.Message),
            expect = Script.Select(s => s.Expect),
        }), ct);
        var vars = Path.Combine(folder, "vars.json");
        await File.WriteAllTextAsync(vars, JsonSerializer.Serialize(codes.Select(c => new { code = c, later = today.AddDays(100).ToString("d MMMM yyyy", CultureInfo.InvariantCulture) })), ct);
        return (script, vars);
    }
}
