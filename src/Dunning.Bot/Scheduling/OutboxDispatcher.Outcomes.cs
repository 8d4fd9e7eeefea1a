using Dunning.Bot.Channels;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Scheduling;

public sealed partial class OutboxDispatcher
{
    private const int CaseWriteAttempts = 5;

    /// <summary>Marks the entry sent and records it in the case, with the last offer the reminder made (only an offer sent can be accepted).</summary>
    private async Task<DispatchReport> MarkSentAsync(OutboxEntry entry, string text, IReadOnlySet<string> dropped, NegotiationTerms? offer, string? receipt,
        CancellationToken cancellationToken, string? note = null)
    {
        var now = clock.GetUtcNow();
        entry.Status = OutboxStatus.Sent;
        entry.SentAt = now;
        // Sent is not arrived: an e-mail copy that went out is the arrival; otherwise the channel's receipt decides.
        var arrivedOn = note == CopyDelivered ? ChannelKind.Email : receipt is null ? entry.Channel : null;
        entry.Receipt = arrivedOn is null ? receipt : null;
        entry.DeliveredAt = arrivedOn is null ? null : now;
        entry.Text = text;
        entry.LastError = dropped.Count == 0 ? null : "dropped before sending: " + string.Join(", ", dropped);
        var numbers = entry.InvoiceNumbers.Where(n => !dropped.Contains(n)).ToList();
        var written = await CompleteAsync(entry, c =>
        {
            Restore(c, entry, dropped);
            c.Record(new CaseAction(now, CaseActionKinds.Reminder, $"{entry.Kind} {entry.MessageKey} sent (attempt {entry.Attempts}{(note is null ? "" : "; " + note)}"
                + (arrivedOn is null ? "; " + ProactiveHistory.AwaitingDelivery : "") + ")", entry.Channel, numbers, "schedule"));
            if (arrivedOn is not null)
                DeliveryReceipts.RecordDelivery(c, entry, now, arrivedOn, arrivedOn == entry.Channel ? "accepted by the channel" : "the e-mail copy was accepted");
            if (offer is not null)
                c.Record(StandingOffer.Record(offer, numbers, now, entry.Channel));
            c.LastContactAt = now;
            if (dropped.Count > 0)
                c.NextActionAt = now;
        }, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            logger.LogInformation("Sent {Key} to {Debtor} on {Channel}", entry.Key, entry.DebtorId, entry.Channel);
            await receipts.SentAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        return written ? DispatchReport.Empty with { Sent = 1 } : LostLease(entry);
    }

    private async Task<DispatchReport> CancelAsync(OutboxEntry entry, string reason, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var written = await EndUnsentAsync(entry, OutboxStatus.Cancelled, reason, $"cancelled before sending: {reason}", numbers, now => now,
            cancellationToken).ConfigureAwait(false);
        if (written)
            logger.LogInformation("Cancelled {Key} before sending: {Reason}", entry.Key, reason);
        return written ? DispatchReport.Empty with { Cancelled = 1 } : LostLease(entry);
    }

    private async Task<DispatchReport> DeferAsync(OutboxEntry entry, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        entry.Status = OutboxStatus.Pending;
        entry.NextAttemptAt = until;
        entry.Attempts--; // the rules held it back; nothing was attempted
        entry.LastError = reason;
        var written = await outbox.CompleteAsync(entry, null, cancellationToken).ConfigureAwait(false);
        return written ? DispatchReport.Empty with { Deferred = 1 } : LostLease(entry);
    }

    private async Task<DispatchReport> RetryAsync(OutboxEntry entry, DeliveryResult result, CancellationToken cancellationToken, bool countAttempt = true)
    {
        if (countAttempt && entry.Attempts >= Settings.MaxAttempts)
            return await GiveUpAsync(entry, $"{entry.Attempts} attempts failed, last: {result.Detail}", null, cancellationToken).ConfigureAwait(false);
        if (!countAttempt)
            entry.Attempts--;
        entry.Status = OutboxStatus.Pending;
        entry.NextAttemptAt = clock.GetUtcNow() + (result.RetryAfter ?? Settings.Backoff(entry.Attempts));
        entry.LastError = result.Detail;
        var written = await outbox.CompleteAsync(entry, null, cancellationToken).ConfigureAwait(false);
        if (written && countAttempt)
            logger.LogWarning("Delivery of {Key} failed ({Detail}); attempt {Attempt} of {Max}, next at {Next:O}",
                entry.Key, result.Detail, entry.Attempts, Settings.MaxAttempts, entry.NextAttemptAt);
        return written ? DispatchReport.Empty with { Retried = 1 } : LostLease(entry);
    }

    private async Task<DispatchReport> DeadAsync(OutboxEntry entry, string detail, CancellationToken cancellationToken)
    {
        var report = await GiveUpAsync(entry, detail, detail, cancellationToken).ConfigureAwait(false);
        if (report.Dead == 0)
            return report;
        var now = clock.GetUtcNow();
        for (var attempt = 1; attempt <= CaseWriteAttempts; attempt++)
        {
            var debtor = await debtors.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false);
            if (debtor is not null && entry.Channel == ChannelKind.Email)
                EmailConversation.EnsureContact(debtor);
            if (debtor?.Contact(entry.Channel) is not { } address)
                break;
            address.DeadSince ??= now;
            address.DeadReason = detail;
            try
            {
                await debtors.SaveAsync(debtor, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < CaseWriteAttempts)
            {
            }
        }
        await escalations.RaiseAsync(entry.DebtorId, EscalationReason.DeadChannel, $"{entry.Channel}: {detail}", entry.InvoiceNumbers,
            entry.ConversationKey, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<DispatchReport> GiveUpAsync(OutboxEntry entry, string detail, string? deadAddress, CancellationToken cancellationToken)
    {
        // A dead address is re-planned at once (another chat may work); exhausted retries wait a day.
        var written = await EndUnsentAsync(entry, OutboxStatus.Dead, detail, $"undeliverable: {detail}", entry.InvoiceNumbers,
            now => deadAddress is null ? now.AddDays(1) : now, cancellationToken).ConfigureAwait(false);
        if (written)
            logger.LogWarning("Gave up on {Key}: {Detail}", entry.Key, detail);
        return written ? DispatchReport.Empty with { Dead = 1 } : LostLease(entry);
    }

    /// <summary>
    /// The entry ends (<paramref name="status"/>) without reaching the debtor: stages restored, key released, the case
    /// told why and re-planned at <paramref name="nextAction"/> of now. False when the lease was lost meanwhile.
    /// </summary>
    private Task<bool> EndUnsentAsync(OutboxEntry entry, OutboxStatus status, string error, string why, IReadOnlyList<string> numbers,
        Func<DateTimeOffset, DateTimeOffset> nextAction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        entry.Status = status;
        entry.LastError = error;
        entry.ReleaseKey($"{status.ToString().ToLowerInvariant()}-{entry.Id}");
        return CompleteAsync(entry, c =>
        {
            Restore(c, entry, null);
            c.Record(new CaseAction(now, CaseActionKinds.Suppressed, $"{entry.Kind} {entry.MessageKey} {why}", entry.Channel, numbers, "schedule"));
            c.NextActionAt = nextAction(now);
        }, cancellationToken);
    }

    /// <summary>Puts back the stages of invoices the debtor did not hear about (all when <paramref name="only"/> is null).</summary>
    private static void Restore(DunningCase dunningCase, OutboxEntry entry, IReadOnlySet<string>? only)
    {
        foreach (var item in entry.Items.Where(i => only is null || only.Contains(i.InvoiceNumber)))
        {
            if (dunningCase.StageOf(item.InvoiceNumber) == item.Stage)
                dunningCase.Stages[item.InvoiceNumber] = item.PreviousStage;
        }
    }

    /// <summary>Completes the entry with a change to the fresh case, in one transaction; re-reads the case on a conflict.</summary>
    private async Task<bool> CompleteAsync(OutboxEntry entry, Action<DunningCase> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dunningCase = await cases.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false) ?? new DunningCase { DebtorId = entry.DebtorId };
            change(dunningCase);
            try
            {
                return await outbox.CompleteAsync(entry, dunningCase, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < CaseWriteAttempts)
            {
            }
        }
    }

    private DispatchReport LostLease(OutboxEntry entry)
    {
        logger.LogWarning("Lost the lease on {Key}; another dispatcher completed it", entry.Key);
        return DispatchReport.Empty with { LostLease = 1 };
    }
}
