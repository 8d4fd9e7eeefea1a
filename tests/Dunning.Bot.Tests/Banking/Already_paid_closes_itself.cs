using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Tests.Staff;
using Dunning.Bot.Uploads;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// "I have already paid" over the real web chat, then a statement: when an import books the payment that settles the claim,
/// the claim-paid pause ends as paid, the debtor is thanked once on their chat and the escalation is resolved (audited);
/// retries and repeated imports thank nobody twice. When the pause runs out with no payment, staff are asked with a link
/// to the proof of payment, and reminders resume.
/// </summary>
public sealed class Already_paid_closes_itself : IDisposable
{
    private const string Thanks = "Good news: your payment for invoice RE-100 has arrived.";
    private readonly StaffHost host = new(new() { ["Scheduling:Enabled"] = "false" });

    private async Task ClaimPaidAsync()
    {
        var chat = await host.LinkedChatAsync();
        await chat.SayAsync("I already paid invoice RE-100 yesterday, 500 euros", "c1");
        var invoice = await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None);
        Assert.StartsWith("claimed paid", invoice!.Pause!.Reason, StringComparison.Ordinal);
        Assert.Contains(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None), e => e.Reason == EscalationReason.ClaimedPaid);
    }

    private async Task RunScheduleAsync()
    {
        await host.Get<ScheduleSweep>().SweepAsync(CancellationToken.None);
        await host.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
    }

    /// <summary>The thanks that went out on the debtor's web chat (the outbox's sent entries; the chat's own token has long expired on the fake clock).</summary>
    private async Task<int> ThanksSentAsync() =>
        (await host.Get<IOutbox>().ListByDebtorAsync(StaffHost.DebtorId, CancellationToken.None))
            .Count(e => e is { Kind: OutboxKinds.PaidThanks, Status: OutboxStatus.Sent, Channel: "webchat" } && e.Text.Contains(Thanks, StringComparison.Ordinal));

    [Fact]
    public async Task A_statement_that_pays_the_claim_ends_the_pause_as_paid_thanks_once_and_resolves_the_escalation()
    {
        await ClaimPaidAsync();
        using var owner = await host.SignedInAsync("olga");

        await BankPage.UploadAsync(owner, Camt053(new Camt("PAID-1", 500m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25")));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunScheduleAsync();

        var invoice = (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!;
        Assert.Equal((InvoiceStatus.Paid, (DunningPause?)null), (invoice.StatusAt(host.Clock.GetUtcNow()), invoice.Pause));
        Assert.Equal(1, await ThanksSentAsync());
        Assert.DoesNotContain(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None), e => e.Reason == EscalationReason.ClaimedPaid);
        Assert.Contains(await host.Get<IAuditLog>().ListAsync(StaffHost.DebtorId, 20, CancellationToken.None), a => a is { Action: "resolve-escalation", Actor: "bank-import" });

        // Again and again: the schedule, the same statement, a later sweep — no second thanks.
        await BankPage.UploadAsync(owner, Camt053(new Camt("PAID-1", 500m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25")));
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await RunScheduleAsync();
        }
        Assert.Equal(1, await ThanksSentAsync());
    }

    [Fact]
    public async Task A_retry_after_a_crash_before_the_pause_ended_thanks_nobody_twice()
    {
        await ClaimPaidAsync();
        using (var owner = await host.SignedInAsync("olga"))
            await BankPage.UploadAsync(owner, Camt053(new Camt("PAID-2", 500m, Unstructured("Erika Muster", "RE-100"), Booked: "2026-11-25")));
        var debtor = (await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!;
        // As read before the first run: settled and still paused (a crash after the thanks was written, before the pause ended).
        var stale = await host.Get<IInvoiceStore>().ListByDebtorAsync(StaffHost.DebtorId, CancellationToken.None);
        var pauses = host.Get<IClaimPaidPauses>();

        Assert.True(await pauses.SettleAsync(debtor, stale, host.Clock.GetUtcNow(), CancellationToken.None));
        Assert.True(await pauses.SettleAsync(debtor, stale, host.Clock.GetUtcNow(), CancellationToken.None));

        var thanks = (await host.Get<IOutbox>().ListByDebtorAsync(StaffHost.DebtorId, CancellationToken.None)).Where(e => e.Kind == OutboxKinds.PaidThanks).ToList();
        Assert.Single(thanks);
        Assert.Contains(Thanks, thanks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pause_that_runs_out_without_the_payment_asks_staff_with_the_proof_at_hand_and_reminders_resume()
    {
        await ClaimPaidAsync();
        var proof = new ProofFile("proof-1", StaffHost.DebtorId, [StaffHost.InvoiceNumber], null, "ueberweisung.pdf", "application/pdf", 30, new string('0', 64), "webchat",
            host.Clock.GetUtcNow());
        await host.Get<IProofStore>().SaveAsync(proof, "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"u8.ToArray(), CancellationToken.None);

        host.Clock.Advance(TimeSpan.FromDays(8));
        await RunScheduleAsync();

        var invoice = (await host.Get<IInvoiceStore>().FindAsync(StaffHost.InvoiceNumber, CancellationToken.None))!;
        Assert.Null(invoice.Pause);
        var history = (await host.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!.History;
        Assert.Contains(history, a => a.Summary.Contains("ended without the payment on a bank statement", StringComparison.Ordinal)
            && a.Summary.Contains("/console/cases/D-100/proofs/proof-1", StringComparison.Ordinal));
        Assert.Contains(await host.Get<IEscalationStore>().ListOpenAsync(CancellationToken.None), e => e.Reason == EscalationReason.ClaimedPaid);
        Assert.Equal(0, await ThanksSentAsync());

        // Asked once: the next sweeps go on with the ladder, not with the question.
        host.Clock.Advance(TimeSpan.FromHours(2));
        await RunScheduleAsync();
        history = (await host.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!.History;
        Assert.Single(history, a => a.Summary.Contains("ended without the payment", StringComparison.Ordinal));
    }

    public void Dispose() => host.Dispose();
}
