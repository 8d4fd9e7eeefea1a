using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Undoes a reminder e-mail that the server accepted but that later came back as a bounce report: the outbox entry ends
/// as dead (its key released, so the stage can go out again), the stages it set are put back, its reminder and delivery
/// entries in the case history become <see cref="CaseActionKinds.Bounced"/> (it counts neither against the contact caps
/// nor as received, so no default, fee or escalation builds on it), and the case is planned again at once — the planner
/// then sends the same stage on another channel that can deliver, or reports the debtor as unreachable. An e-mail copy
/// of a chat reminder, or a reminder already superseded by a later stage, changes no stage.
/// </summary>
public sealed class BouncedReminders(IOutbox outbox, ICaseStore cases, TimeProvider clock, ILogger<BouncedReminders> logger)
{
    private const int WriteAttempts = 5;

    /// <summary>Reverses the sent reminder with outbox key <paramref name="key"/>; false when there is nothing to reverse.</summary>
    public async Task<bool> ReverseAsync(string key, string detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var entry = await outbox.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (entry is not { Status: OutboxStatus.Sent, Kind: OutboxKinds.Reminder, Channel: ChannelKind.Email, SentAt: { } sentAt })
            return false;
        var now = clock.GetUtcNow();
        entry.Status = OutboxStatus.Dead;
        entry.DeliveredAt = null;
        entry.LastError = "bounced: " + detail;
        entry.ReleaseKey($"bounced-{entry.Id}");
        for (var attempt = 1; ; attempt++)
        {
            var dunningCase = await cases.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false) ?? new DunningCase { DebtorId = entry.DebtorId };
            Reverse(dunningCase, entry, sentAt, detail, now);
            try
            {
                if (!await outbox.CompleteAsync(entry, dunningCase, cancellationToken).ConfigureAwait(false))
                    return false;
                logger.LogInformation("{Key} bounced; its stages are restored and the case is planned again", key);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < WriteAttempts)
            {
            }
        }
    }

    private static void Reverse(DunningCase dunningCase, OutboxEntry entry, DateTimeOffset sentAt, string detail, DateTimeOffset now)
    {
        var numbers = entry.InvoiceNumbers;
        for (var i = 0; i < dunningCase.History.Count; i++)
        {
            var action = dunningCase.History[i];
            if (action.Kind is CaseActionKinds.Reminder or CaseActionKinds.Delivered && Math.Abs((action.At - sentAt).TotalSeconds) < 1 && action.Channel == ChannelKind.Email
                && action.InvoiceNumbers?.Intersect(numbers, StringComparer.Ordinal).Any() == true)
                dunningCase.History[i] = action with { Kind = CaseActionKinds.Bounced, Summary = $"{action.Summary} — bounced later" };
        }
        foreach (var item in entry.Items)
        {
            if (dunningCase.StageOf(item.InvoiceNumber) == item.Stage)
                dunningCase.Stages[item.InvoiceNumber] = item.PreviousStage;
        }
        dunningCase.Record(new CaseAction(now, CaseActionKinds.Suppressed,
            $"{entry.Kind} {entry.MessageKey} by e-mail bounced ({detail}); the stage goes out again on another channel if one can deliver",
            ChannelKind.Email, numbers, "schedule"));
        dunningCase.NextActionAt = now;
    }
}
