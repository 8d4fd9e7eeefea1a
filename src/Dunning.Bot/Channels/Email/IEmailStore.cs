namespace Dunning.Bot.Channels.Email;

/// <summary>
/// What the e-mail channel keeps: each debtor's reply token (see <see cref="EmailReplyTokens"/>), the Message-IDs it
/// sent (so a reply's In-Reply-To/References finds the debtor and the thread), the IMAP checkpoint per folder
/// (UIDVALIDITY and the last UID handled) and the inbound messages already handled.
/// </summary>
public interface IEmailStore
{
    /// <summary>The debtor's reply token, created on first use; two senders racing get the same token.</summary>
    string ReplyToken(string debtorId);

    /// <summary>The debtor a reply token belongs to (any case); null for anything unknown or not token-shaped.</summary>
    string? DebtorByToken(string? token);

    /// <summary>
    /// Remembers a message sent to the debtor (its Message-ID without angle brackets) and its subject; for a reminder that
    /// is its outbox entry's own message (not an e-mail copy), also the entry's key, so a bounce can undo it.
    /// </summary>
    void RememberSent(string messageId, string debtorId, string subject, string? outboxKey);

    /// <summary>The outbox key of the reminder sent as <paramref name="messageId"/>; null for other messages or unknown ids.</summary>
    string? OutboxKeyOf(string? messageId);

    /// <summary>The debtor and subject of a message this host sent, by its Message-ID; null when not ours.</summary>
    (string DebtorId, string Subject)? FindSent(string? messageId);

    /// <summary>Remembers the debtor's latest e-mail (the thread the next answer or staff message continues).</summary>
    void RememberThread(string debtorId, EmailThread thread);

    /// <summary>The debtor's latest e-mail thread, or null when the debtor never wrote by e-mail.</summary>
    EmailThread? LastThread(string debtorId);

    /// <summary>Remembers an e-mail the debtor wrote (its Message-ID and subject), for the thread the console shows.</summary>
    void RememberReceived(string messageId, string debtorId, string? subject);

    /// <summary>The debtor's e-mails both ways (the latest <paramref name="limit"/>), oldest first: when, which way, subject.</summary>
    IReadOnlyList<EmailThreadMessage> ThreadOf(string debtorId, int limit);

    /// <summary>The folder's checkpoint: its UIDVALIDITY and the last UID handled (null before the first look).</summary>
    (uint UidValidity, uint LastUid)? Checkpoint(string folder);

    /// <summary>Replaces the folder's checkpoint.</summary>
    void SaveCheckpoint(string folder, uint uidValidity, uint lastUid);

    /// <summary>Records an inbound message as handled; false when it was handled before (by Message-ID or UID key).</summary>
    bool MarkHandled(string key, string outcome);

    /// <summary>Replaces the recorded outcome of a handled inbound message; nothing for an unknown key.</summary>
    void SetOutcome(string key, string outcome);

    /// <summary>How an inbound message was handled, or null when it was not (for tests and the log).</summary>
    string? HandledAs(string key);
}
