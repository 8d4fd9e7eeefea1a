namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// An e-mail sent to a debtor or received from one (id: its Message-ID); <paramref name="OutboxKey"/> only for a reminder
/// sent as its outbox entry's own message. Copied, so a reply to a message sent before the move finds its debtor and thread.
/// </summary>
internal sealed record EmailMessageRecord(string DebtorId, string Subject, DateTimeOffset At, string? OutboxKey);
