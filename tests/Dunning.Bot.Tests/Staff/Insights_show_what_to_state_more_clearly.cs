using System.Net;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Insights;

namespace Dunning.Bot.Tests.Staff;

/// <summary>Insights over real stores: objections, dispute reasons, intents, promise-kept rate, recovery by stage.</summary>
public sealed class Insights_show_what_to_state_more_clearly : IDisposable
{
    private readonly StaffHost host = new();

    [Fact]
    public async Task Counts_rates_and_recovery_come_from_the_cases_agreements_and_transcripts()
    {
        var now = host.Clock.GetUtcNow();
        var invoices = host.Get<IInvoiceStore>();
        var second = Invoice.Create("RE-200", StaffHost.DebtorId, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 15), "EUR", 200m);
        second.RecordPayment(new Payment(new DateOnly(2026, 10, 1), 200m, "bank"));
        second.Settle(new DateOnly(2026, 10, 1)); // paid in full, as the claim ledger books it
        await invoices.SaveAsync(second, CancellationToken.None);
        await invoices.UpdateAsync(StaffHost.InvoiceNumber, i => i.MarkDisputed("Lamp broken "), CancellationToken.None);
        await host.Get<ICaseStore>().UpdateAsync(StaffHost.DebtorId, c =>
        {
            c.Advance("RE-200", 2);
            c.Advance(StaffHost.InvoiceNumber, 2);
            c.Record(new CaseAction(now, CaseActionKinds.Dispute, "lamp broken"));
            c.Record(new CaseAction(now, CaseActionKinds.Dispute, "lamp broken"));
            c.Record(new CaseAction(now, CaseActionKinds.Hardship, "lost job"));
        }, CancellationToken.None);
        var agreements = host.Get<IAgreementStore>();
        foreach (var (id, kept) in new[] { ("A-1", true), ("A-2", true), ("A-3", false) })
        {
            var agreement = new PaymentAgreement
            {
                Id = id, DebtorId = StaffHost.DebtorId, Kind = AgreementKind.Deferral, InvoiceNumbers = [StaffHost.InvoiceNumber], Currency = "EUR",
                Schedule = [new Instalment(new DateOnly(2026, 12, 1), 10m)], CreatedAt = now,
            };
            agreement.Agree(now, "bot");
            if (kept) agreement.MarkKept(); else agreement.MarkBroken();
            await agreements.SaveAsync(agreement, CancellationToken.None);
        }
        var transcripts = host.Get<ITranscriptStore>();
        foreach (var text in new[] { "I already paid this", "How much do I owe?", "How much is open?", "hello" })
            await transcripts.AppendAsync(new TranscriptEntry("webchat/c1", StaffHost.DebtorId, now, TranscriptDirection.Inbound, "message", text), CancellationToken.None);

        var report = await host.Get<InsightsReport>().BuildAsync(CancellationToken.None);

        Assert.Equal([new Count("dispute", 2), new Count("hardship", 1)], report.Objections);
        Assert.Equal([new Count("lamp broken", 1)], report.DisputeReasons);
        Assert.Equal(new Count("AskAmount", 2), report.MessageIntents[0]);
        Assert.Contains(new Count("ClaimPaid", 1), report.MessageIntents);
        Assert.DoesNotContain(report.MessageIntents, c => c.Name == "Greeting");
        Assert.Equal((2, 1, 0.6667m), (report.PromisesKept, report.PromisesBroken, report.PromiseKeptRate));
        var stage2 = Assert.Single(report.Recovery);
        Assert.Equal((2, "EUR", 2, 1, 319m, 200m), (stage2.Stage, stage2.Currency, stage2.Invoices, stage2.PaidInFull, stage2.Principal, stage2.Paid));
        Assert.Equal(0.6270m, stage2.RecoveredShare);

        using var staff = await host.SignedInAsync("sam");
        var page = await staff.GetAsync("/console/insights");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("kept rate 67%", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
