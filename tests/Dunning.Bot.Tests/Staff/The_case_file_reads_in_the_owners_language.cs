using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The case-file PDF in German (the debtor's language) and English (the owner's choice): words instead of names, times
/// in the owner's zone, amounts as the language writes them, the postal address, and what the debtor saw in the chat —
/// line breaks, buttons and attachments. (Summaries stored in the case history keep the words they were written in; only
/// the code's compound names in them become words.)
/// </summary>
public sealed class The_case_file_reads_in_the_owners_language : IDisposable
{
    /// <summary>English labels and raw names that must not appear in the German case file.</summary>
    private static readonly string[] EnglishLabels =
    [
        "Case file", "Parties", "Creditor", "Debtor:", "Invoices", "issued", "principal", "interest", "fees", "deadline", "Total due", "Reminders",
        "Agreements", "Promises", "Objections", "Escalations", "Case history", "Conversation transcript", "none", "buttons:", "attachment:",
        "RequestHuman", "AwaitingApproval", "Consumer", "Open", "UTC", "via ", "stage ", "not in default", "postal",
    ];

    private readonly StaffHost host = new();

    [PopplerFact]
    public async Task The_German_case_file_has_no_English_labels_and_shows_Berlin_times_euro_amounts_and_the_address()
    {
        await SeedAsync();
        using var owner = await host.SignedInAsync("olga");

        using var response = await owner.GetAsync("/console/cases/D-100/file.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Poppler.Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Fallakte: Erika Muster", text, StringComparison.Ordinal);
        Assert.Contains("Postanschrift: Hauptstraße 5, 10115 Berlin", text, StringComparison.Ordinal);
        Assert.Contains("Schuldner: Erika Muster (Verbraucher)", text, StringComparison.Ordinal);
        Assert.Contains("Hauptforderung 119,00 €", text, StringComparison.Ordinal);
        Assert.Contains("20.09.2026 10:00 Erinnerung über Web-Chat (bot): First reminder", text, StringComparison.Ordinal);
        Assert.Contains("möchte mit einem Menschen sprechen", text, StringComparison.Ordinal);
        Assert.Contains("Zahlungsaufschub, wartet auf Freigabe", text, StringComparison.Ordinal);
        Assert.Contains("Stufe: erste Mahnung", text, StringComparison.Ordinal);
        Assert.Contains("alle Zeiten Europe/Berlin", text, StringComparison.Ordinal);
        Assert.Matches(@"Rechnung RE-100\s*\n\s*Offen: 119,00 €", text);
        Assert.Contains("Schaltflächen: [Jetzt bezahlen] | [Mit einem Menschen sprechen]", text, StringComparison.Ordinal);
        Assert.Contains("Anhang: girocode.png", text, StringComparison.Ordinal);
        var found = EnglishLabels.Where(label => text.Contains(label, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "English in the German case file: " + string.Join(", ", found));
    }

    [PopplerFact]
    public async Task The_owner_may_choose_English_and_gets_English_words_and_amounts()
    {
        await SeedAsync();
        using var owner = await host.SignedInAsync("olga");

        var text = Poppler.Text(await owner.GetByteArrayAsync("/console/cases/D-100/file.pdf?lang=en"));

        Assert.Contains("Case file: Erika Muster", text, StringComparison.Ordinal);
        Assert.Contains("principal €119.00", text, StringComparison.Ordinal);
        Assert.Contains("asked for a person", text, StringComparison.Ordinal);
        Assert.Contains("deferral, awaiting approval", text, StringComparison.Ordinal);
        Assert.Contains("20 Sept 2026, 10:00 reminder via web chat", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestHuman", text, StringComparison.Ordinal);
    }

    [PopplerFact]
    public async Task An_unknown_language_falls_back_to_the_debtors()
    {
        await SeedAsync();
        using var owner = await host.SignedInAsync("olga");

        var text = Poppler.Text(await owner.GetByteArrayAsync("/console/cases/D-100/file.pdf?lang=xx%3Cscript%3E"));

        Assert.Contains("Fallakte: Erika Muster", text, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        await host.Get<IDebtorStore>().UpdateAsync(StaffHost.DebtorId, d => (d.Street, d.PostalCode, d.City) = ("Hauptstraße 5", "10115", "Berlin"), CancellationToken.None);
        await host.Get<ICaseStore>().UpdateAsync(StaffHost.DebtorId, c =>
        {
            c.Advance(StaffHost.InvoiceNumber, 2);
            c.Record(new CaseAction(new DateTimeOffset(2026, 9, 20, 8, 0, 0, TimeSpan.Zero), CaseActionKinds.Reminder, "First reminder", "webchat", [StaffHost.InvoiceNumber], "bot"));
        }, CancellationToken.None);
        var transcripts = host.Get<ITranscriptStore>();
        await transcripts.AppendAsync(new TranscriptEntry("webchat/c1", StaffHost.DebtorId, host.Clock.GetUtcNow(), TranscriptDirection.Outbound, "message",
            "Rechnung RE-100\nOffen: 119,00 €") { Buttons = ["Jetzt bezahlen", "Mit einem Menschen sprechen"], Attachments = ["girocode.png"] }, CancellationToken.None);
        var debtor = await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None);
        var terms = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 10), 119m)]);
        await host.Get<Core.Cases.AgreementDesk>().ProposeAsync(debtor!, terms, [StaffHost.InvoiceNumber], EscalationReason.RequestHuman, "asked for a person", null, CancellationToken.None);
    }

    public void Dispose() => host.Dispose();
}
