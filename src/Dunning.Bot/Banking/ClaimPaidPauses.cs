using System.Text.Json;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Hosting;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Banking;

/// <summary>
/// "Already paid" closes itself (<see cref="IClaimPaidPauses"/>). A claim in the claim-paid pause that a booking settled
/// (a statement import, a review decision): the debtor is thanked once on their chat through the outbox (key per invoice
/// and pause, so a retry or restart finds it and thanks nobody twice), the open "claims paid" escalation is resolved
/// (audited, actor <see cref="BankImporter.Actor"/>), and the pause ends. A pause that ran out without the payment: staff
/// are asked (the escalation, or an alert on the open one) with a link to the newest proof of payment, and the pause ends,
/// so reminders resume by the usual rules. Each step is written before the next, the pause last.
/// </summary>
public sealed class ClaimPaidPauses(IInvoiceStore invoices, ICaseStore cases, IEscalationStore escalations, IConversationStore conversations,
    IOutbox outbox, EscalationDesk desk, IOwnerNotifier notifier, MessageCatalogue catalogue, IAuditLog audit, IOptions<BotOptions> bot,
    IProofStore? proofs = null) : IClaimPaidPauses
{
    public async Task<bool> SettleAsync(Debtor debtor, IReadOnlyList<Invoice> invoices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(invoices);
        var paused = invoices.Where(i => ClaimPaidDialog.IsClaimPaidPause(i.Pause) && i.WrittenOffAt is null).ToList();
        var paid = paused.Where(i => i.SettledOn is not null).ToList();
        var lapsed = paused.Where(i => i.SettledOn is null && !i.Pause!.IsActive(now)).ToList();
        if (paid.Count > 0)
            await ClosePaidAsync(debtor, paid, invoices, now, cancellationToken);
        if (lapsed.Count > 0)
            await AskStaffAsync(debtor, lapsed, now, cancellationToken);
        return paid.Count + lapsed.Count > 0;
    }

    private async Task ClosePaidAsync(Debtor debtor, List<Invoice> paid, IReadOnlyList<Invoice> all, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = (await outbox.ListByDebtorAsync(debtor.Id, cancellationToken)).Where(e => e.Kind == OutboxKinds.PaidThanks).Select(e => e.Key).ToList();
        var owed = paid.Where(i => !sent.Any(k => k.Contains(Mark(i), StringComparison.Ordinal))).ToList();
        if (owed.Count > 0)
            await ThankAsync(debtor, owed, now, cancellationToken);

        var settled = all.Where(i => i.SettledOn is not null).Select(i => i.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var escalation in (await escalations.ListByDebtorAsync(debtor.Id, cancellationToken))
            .Where(e => e.Reason == EscalationReason.ClaimedPaid && e.State != EscalationState.Resolved && e.InvoiceNumbers.Count > 0 && e.InvoiceNumbers.All(settled.Contains)))
        {
            var before = escalation.State.ToString();
            escalation.State = EscalationState.Resolved;
            escalation.ClosedAt = now;
            escalation.AssignedTo ??= BankImporter.Actor;
            await escalations.SaveAsync(escalation, cancellationToken);
            var note = $"the payment for {string.Join(", ", escalation.InvoiceNumbers)} is on the bank statement";
            await audit.WriteAsync(new AuditEntry(now, BankImporter.Actor, "resolve-escalation", $"escalation {escalation.Id}", before,
                JsonSerializer.Serialize(new { state = "Resolved", note })) { DebtorId = debtor.Id }, cancellationToken);
            await cases.RecordAsync(debtor.Id, now, CaseActionKinds.Staff, $"Escalation {escalation.Reason} resolved by {BankImporter.Actor}: {note}",
                escalation.InvoiceNumbers, BankImporter.Actor, cancellationToken);
        }
        await EndPausesAsync(paid, cancellationToken);
    }

    /// <summary>The thanks goes into the outbox together with its line in the case history (one transaction).</summary>
    private async Task ThankAsync(Debtor debtor, List<Invoice> owed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var numbers = string.Join(", ", owed.Select(i => i.Number));
        var dunningCase = await cases.FindAsync(debtor.Id, cancellationToken) ?? new DunningCase { DebtorId = debtor.Id };
        var target = ConversationChoice.Choose(debtor, await conversations.ListByDebtorAsync(debtor.Id, cancellationToken));
        if (target is null)
        {
            await cases.RecordAsync(debtor.Id, now, CaseActionKinds.ClaimedPaid, $"Payment for {numbers} found on the bank statement; no chat to thank the debtor on",
                [.. owed.Select(i => i.Number)], BankImporter.Actor, cancellationToken);
            return;
        }
        var language = target.Language ?? debtor.Language;
        dunningCase.Record(new CaseAction(now, CaseActionKinds.ClaimedPaid, $"Payment for {numbers} found on the bank statement; the claim-paid pause ends as paid, debtor thanked",
            InvoiceNumbers: [.. owed.Select(i => i.Number)], Actor: BankImporter.Actor));
        await outbox.EnqueueAsync(new OutboxEntry
        {
            Key = $"{OutboxKinds.PaidThanks}:{debtor.Id}:" + string.Join('+', owed.Select(Mark)),
            DebtorId = debtor.Id,
            Kind = OutboxKinds.PaidThanks,
            Channel = target.Channel,
            ConversationKey = target.Key,
            Language = language,
            MessageKey = "payment_claim.paid_found",
            Text = catalogue.Render("payment_claim", "paid_found", language, new { invoices = numbers }),
            CreatedAt = now,
            NextAttemptAt = now,
        }, dunningCase, cancellationToken);
    }

    private async Task AskStaffAsync(Debtor debtor, List<Invoice> lapsed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var numbers = lapsed.Select(i => i.Number).ToList();
        var proof = proofs is null ? null : (await proofs.ListAsync(debtor.Id, cancellationToken)).LastOrDefault();
        var detail = $"The claim-paid pause for {string.Join(", ", numbers)} ended without the payment on a bank statement; please check it with the debtor"
            + (proof is null ? "; no proof of payment was sent" : $"; proof of payment: {bot.Value.PublicBaseUrl.TrimEnd('/')}/console/cases/{Uri.EscapeDataString(debtor.Id)}/proofs/{Uri.EscapeDataString(proof.Id)}");
        var open = (await escalations.ListByDebtorAsync(debtor.Id, cancellationToken))
            .FirstOrDefault(e => e.Reason == EscalationReason.ClaimedPaid && e.State != EscalationState.Resolved);
        if (open is null)
            await desk.RaiseAsync(debtor.Id, EscalationReason.ClaimedPaid, detail, numbers, null, cancellationToken);
        else
            await notifier.NotifyAsync(new OwnerAlert(debtor.Id, debtor.Name, EscalationReason.ClaimedPaid, open.Priority, detail, open.Id, now), cancellationToken);
        await cases.RecordAsync(debtor.Id, now, CaseActionKinds.ClaimedPaid, detail, numbers, "schedule", cancellationToken);
        await EndPausesAsync(lapsed, cancellationToken);
    }

    private async Task EndPausesAsync(List<Invoice> ended, CancellationToken cancellationToken)
    {
        foreach (var invoice in ended)
        {
            var since = invoice.Pause!.Since;
            await invoices.UpdateAsync(invoice.Number, i =>
            {
                if (ClaimPaidDialog.IsClaimPaidPause(i.Pause) && i.Pause!.Since == since)
                    i.ResumeDunning();
            }, cancellationToken);
        }
    }

    /// <summary>What a thanks key says of one invoice: its number and the instant its pause began.</summary>
    private static string Mark(Invoice invoice) => $"{invoice.Number}@{invoice.Pause!.Since.UtcTicks}";
}
