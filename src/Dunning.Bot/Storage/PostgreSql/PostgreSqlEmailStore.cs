using Dunning.Bot.Channels.Email;
using Dunning.Bot.Storage.Migration;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="IEmailStore"/> in PostgreSQL, shared by every host: each debtor's reply token (unique, so two senders racing
/// for a new debtor's token get the same one), the Message-IDs sent and received (the debtor's thread), the IMAP
/// checkpoint per folder and the inbound messages already handled (an insert <c>ON CONFLICT DO NOTHING</c>: handled once
/// across hosts). Times are UTC ticks.
/// </summary>
public sealed class PostgreSqlEmailStore(PostgreSqlDatabase database, TimeProvider clock) : IEmailStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public string ReplyToken(string debtorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorId);
        // Insert a candidate unless the debtor has one; either way read back the one that won.
        PostgreSqlSync.Execute(database, "INSERT INTO email_tokens (debtor_id, token) VALUES ($1, $2) ON CONFLICT (debtor_id) DO NOTHING",
            debtorId, EmailReplyTokens.New());
        return PostgreSqlSync.Single<string>(database, "SELECT token FROM email_tokens WHERE debtor_id = $1", debtorId)!;
    }

    public string? DebtorByToken(string? token) =>
        EmailReplyTokens.IsShaped(token)
            ? PostgreSqlSync.Single<string>(database, "SELECT debtor_id FROM email_tokens WHERE token = $1", token!.ToLowerInvariant())
            : null;

    public void RememberSent(string messageId, string debtorId, string subject, string? outboxKey) =>
        PostgreSqlSync.Execute(database, """
            INSERT INTO email_sent (message_id, debtor_id, subject, at, outbox_key) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (message_id) DO UPDATE SET debtor_id = excluded.debtor_id, subject = excluded.subject, at = excluded.at, outbox_key = excluded.outbox_key
            """, messageId, debtorId, subject, Now, outboxKey);

    public string? OutboxKeyOf(string? messageId) =>
        string.IsNullOrWhiteSpace(messageId) ? null
        : PostgreSqlSync.Single<string>(database, "SELECT outbox_key FROM email_sent WHERE message_id = $1", messageId);

    public (string DebtorId, string Subject)? FindSent(string? messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId))
            return null;
        var found = PostgreSqlSync.Rows(database, "SELECT debtor_id, subject FROM email_sent WHERE message_id = $1",
            r => (r.GetString(0), r.GetString(1)), messageId);
        return found.Count == 0 ? null : found[0];
    }

    public void RememberThread(string debtorId, EmailThread thread)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorId);
        ArgumentNullException.ThrowIfNull(thread);
        PostgreSqlSync.SaveState(database, ThreadKey(debtorId), thread, debtorId);
    }

    public EmailThread? LastThread(string debtorId) => PostgreSqlSync.FindState<EmailThread>(database, ThreadKey(debtorId));

    public void RememberReceived(string messageId, string debtorId, string? subject) =>
        PostgreSqlSync.Execute(database, """
            INSERT INTO email_received (message_id, debtor_id, subject, at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (message_id) DO UPDATE SET debtor_id = excluded.debtor_id, subject = excluded.subject, at = excluded.at
            """, messageId, debtorId, subject ?? "", Now);

    public IReadOnlyList<EmailThreadMessage> ThreadOf(string debtorId, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorId);
        var latest = PostgreSqlSync.Rows(database, """
            SELECT at, inbound, subject FROM (
                SELECT at, false AS inbound, subject, message_id FROM email_sent WHERE debtor_id = $1
                UNION ALL
                SELECT at, true, subject, message_id FROM email_received WHERE debtor_id = $1) AS m
            ORDER BY at DESC, inbound DESC, message_id DESC LIMIT $2
            """, r => new EmailThreadMessage(new DateTimeOffset(r.GetInt64(0), TimeSpan.Zero), r.GetBoolean(1), r.GetString(2)), debtorId, Math.Max(limit, 0));
        latest.Reverse();
        return latest;
    }

    public (uint UidValidity, uint LastUid)? Checkpoint(string folder) =>
        PostgreSqlSync.FindState<ImapCheckpointRecord>(database, CheckpointKey(folder)) is { } found ? (found.UidValidity, found.LastUid) : null;

    public void SaveCheckpoint(string folder, uint uidValidity, uint lastUid) =>
        PostgreSqlSync.SaveState(database, CheckpointKey(folder), new ImapCheckpointRecord(uidValidity, lastUid));

    public bool MarkHandled(string key, string outcome) =>
        PostgreSqlSync.Execute(database, "INSERT INTO email_inbound (key, outcome, at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING", key, outcome, Now) == 1;

    public void SetOutcome(string key, string outcome) =>
        PostgreSqlSync.Execute(database, "UPDATE email_inbound SET outcome = $2 WHERE key = $1", key, outcome);

    public string? HandledAs(string key) => PostgreSqlSync.Single<string>(database, "SELECT outcome FROM email_inbound WHERE key = $1", key);

    internal static string ThreadKey(string debtorId) => ChannelStateKeys.EmailThread(debtorId);

    private static string CheckpointKey(string folder) => ChannelStateKeys.EmailCheckpoint(folder);

    private long Now => clock.GetUtcNow().UtcTicks;
}
