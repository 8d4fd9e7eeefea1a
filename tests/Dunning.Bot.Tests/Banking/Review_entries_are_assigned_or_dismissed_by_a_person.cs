using System.Net.Http.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Over HTTP with LiteDB: an entry waiting for review is booked on the invoice a person names (audited in the case and the
/// queue, the payer's IBAN learned) or dismissed with a note; a second decision, an unknown invoice or a foreign currency
/// is refused with 409 and changes nothing.
/// </summary>
public sealed class Review_entries_are_assigned_or_dismissed_by_a_person : IDisposable
{
    private readonly BankStatementHost bank = new();

    [Fact]
    public async Task An_ambiguous_credit_is_booked_on_the_invoice_named_once_and_audited()
    {
        await bank.DebtorAsync("D-HL", "Hansa Logistik KG");
        await bank.InvoiceAsync("RE-78", "D-HL", 250m, due: "2026-03-06");
        await bank.InvoiceAsync("RE-79", "D-HL", 250m, due: "2026-03-07");
        await bank.ImportAsync(Camt053(
            new Camt("VB-2", 250m, FromAccount("Hansa Logistik KG", "DE89370400440532013000", "Zahlung")),
            new Camt("VB-3", 99m, Unstructured("Fremdfirma AG", "Spende"))));

        var unknown = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/VB-2/assignment", new { invoices = new[] { "RE-404" }, by = "anna" });
        var assigned = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/VB-2/assignment", new { invoices = new[] { "RE-79" }, by = "anna" });
        var again = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/VB-2/assignment", new { invoices = new[] { "RE-78" }, by = "ben" });
        var dismissed = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/VB-3/dismissal", new { note = "keine Zahlung an uns", by = "anna" });

        Assert.Equal((409, 204, 409, 204), ((int)unknown.StatusCode, (int)assigned.StatusCode, (int)again.StatusCode, (int)dismissed.StatusCode));
        Assert.Equal((0m, 250m), ((await bank.InvoiceAsync("RE-78")).GetProperty("paid").GetDecimal(), (await bank.InvoiceAsync("RE-79")).GetProperty("paid").GetDecimal()));
        Assert.Equal(0, (await bank.ReviewAsync()).GetArrayLength());
        var history = (await bank.Host.Services.GetRequiredService<ICaseStore>().FindAsync("D-HL", CancellationToken.None))!.History;
        var payment = Assert.Single(history, a => a.Kind == CaseActionKinds.Payment);
        Assert.Equal("api:anna", payment.Actor);
        Assert.Contains("(VB-2)", payment.Summary, StringComparison.Ordinal);

        // Re-importing the same statement queues nothing again and books nothing twice.
        var (_, report) = await bank.ImportAsync(Camt053(new Camt("VB-2", 250m, FromAccount("Hansa Logistik KG", "DE89370400440532013000", "Zahlung"))));
        Assert.Equal(["VB-2"], BankStatementHost.Strings(report.GetProperty("alreadyBooked"), "reference"));
        Assert.Equal(0, (await bank.ReviewAsync()).GetArrayLength());
    }

    public void Dispose() => bank.Dispose();
}
