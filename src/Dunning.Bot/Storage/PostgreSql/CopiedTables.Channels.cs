using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Storage.Migration;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The channels' tables for the storage migration: Telegram's inbox and buttons, the small "latest wins" values (offset,
/// owner chats, IMAP checkpoints, e-mail threads), the web chat's conversations, activity logs and client ids, Teams'
/// processed deliveries, the e-mail channel's messages and handled inbound keys.
/// </summary>
internal static partial class CopiedTables
{
    private static IEnumerable<CopiedTable> Channels() =>
    [
        new CopiedTable(StoredKinds.TelegramUpdates, "telegram_updates", "update_id::text", "SELECT update_id::text, state, json, at FROM telegram_updates", "update_id",
            r => new TelegramUpdateRecord(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Utc(r.GetInt64(3))),
            record => record.Value is TelegramUpdateRecord u
                ? [Command("INSERT INTO telegram_updates (update_id, state, json, at) VALUES ($1, $2, $3, $4)",
                    long.Parse(record.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), u.State, Text(u.Json), u.At.UtcTicks)]
                : []),
        new CopiedTable(StoredKinds.TelegramButtons, "telegram_buttons", "id", "SELECT id, doc::text FROM telegram_buttons", "id",
            r => PostgreSqlJson.Deserialize<TelegramButton>(r.GetString(1)),
            record => record.Value is TelegramButton b
                ? [Command("INSERT INTO telegram_buttons (id, chat_id, keyboard, expires_at, doc) VALUES ($1, $2, $3, $4, $5)",
                    b.Id, b.ChatId, b.Keyboard, b.Expires.UtcTicks, Json(b))]
                : []),
        new CopiedTable(StoredKinds.ChannelState, "channel_state", "key", "SELECT key, doc::text FROM channel_state", "key",
            r => ChannelStateValue(r.GetString(0), r.GetString(1)),
            record => [Command("INSERT INTO channel_state (key, version, debtor_id, doc) VALUES ($1, 1, $2, $3::jsonb)",
                record.Id, Text(ChannelStateKeys.DebtorOf(record.Id)), record.CanonicalJson)]),
        // The activities hang on their conversation (ON DELETE CASCADE): a conversation is replaced in place, its counter kept.
        new CopiedTable(StoredKinds.WebChatConversations, "webchat_conversations", "id", "SELECT id, user_id, created_at FROM webchat_conversations", "id",
            r => new WebChatConversationRecord(r.GetString(1), Utc(r.GetInt64(2))),
            record => record.Value is WebChatConversationRecord c
                ? [Command("""
                    INSERT INTO webchat_conversations (id, user_id, created_at) VALUES ($1, $2, $3)
                    ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, created_at = excluded.created_at
                    """, record.Id, c.UserId, c.CreatedAt.UtcTicks)]
                : [],
            upsert: true),
        // A conversation's log whole; its counter is raised to the last copied number at least, so the next activity
        // written on PostgreSQL takes the number after it and a client's watermark stays valid.
        new CopiedTable(StoredKinds.WebChatActivities, "webchat_activities", "conversation_id", "SELECT conversation_id, seq, json FROM webchat_activities", "seq",
            r => new WebChatActivityRecord(r.GetInt64(1), r.GetString(2)),
            record => record.Value is List<WebChatActivityRecord> log && log.Count > 0
                ?
                [
                    Command("INSERT INTO webchat_activities (conversation_id, seq, json) SELECT $1, seq, json FROM unnest($2::bigint[], $3::text[]) AS a (seq, json)",
                        record.Id, log.Select(a => a.Seq).ToArray(), log.Select(a => a.Json).ToArray()),
                    Command("UPDATE webchat_conversations SET last_seq = GREATEST(last_seq, $2) WHERE id = $1", record.Id, log.Max(a => a.Seq)),
                ]
                : [],
            parts => parts.Cast<WebChatActivityRecord>().ToList()),
        // A conversation's client ids whole, in the order of the numbers their echoes got.
        new CopiedTable(StoredKinds.WebChatClientIds, "webchat_client_ids", "conversation_id", "SELECT conversation_id, client_id, seq FROM webchat_client_ids",
            "seq, client_id",
            r => new WebChatClientIdRecord(r.GetString(1), r.GetInt64(2)),
            record => record.Value is List<WebChatClientIdRecord> ids && ids.Count > 0
                ? [Command("INSERT INTO webchat_client_ids (conversation_id, client_id, seq) SELECT $1, client_id, seq FROM unnest($2::text[], $3::bigint[]) AS c (client_id, seq)",
                    record.Id, ids.Select(c => c.ClientId).ToArray(), ids.Select(c => c.Seq).ToArray())]
                : [],
            parts => parts.Cast<WebChatClientIdRecord>().ToList()),
        new CopiedTable(StoredKinds.TeamsDeliveries, "teams_deliveries", "key", "SELECT key, status, at FROM teams_deliveries", "key",
            r => new TeamsDeliveryRecord(r.GetInt32(1), Utc(r.GetInt64(2))),
            record => record.Value is TeamsDeliveryRecord d
                ? [Command("INSERT INTO teams_deliveries (key, status, at) VALUES ($1, $2, $3)", record.Id, d.Status, d.At.UtcTicks)]
                : []),
        EmailMessages(StoredKinds.EmailSent, "email_sent", "outbox_key"),
        EmailMessages(StoredKinds.EmailReceived, "email_received", null),
        new CopiedTable(StoredKinds.EmailInbound, "email_inbound", "key", "SELECT key, outcome, at FROM email_inbound", "key",
            r => new EmailInboundRecord(r.GetString(1), Utc(r.GetInt64(2))),
            record => record.Value is EmailInboundRecord i
                ? [Command("INSERT INTO email_inbound (key, outcome, at) VALUES ($1, $2, $3)", record.Id, i.Outcome, i.At.UtcTicks)]
                : []),
    ];

    /// <summary>Sent (with the reminder's outbox key) or received e-mails: the same columns but for the key.</summary>
    private static CopiedTable EmailMessages(string kind, string table, string? outboxColumn) =>
        new(kind, table, "message_id", $"SELECT message_id, debtor_id, subject, at{(outboxColumn is null ? "" : ", " + outboxColumn)} FROM {table}", "message_id",
            r => new EmailMessageRecord(r.GetString(1), r.GetString(2), Utc(r.GetInt64(3)), outboxColumn is null || r.IsDBNull(4) ? null : r.GetString(4)),
            record => record.Value is EmailMessageRecord m
                ? [outboxColumn is null
                    ? Command($"INSERT INTO {table} (message_id, debtor_id, subject, at) VALUES ($1, $2, $3, $4)", record.Id, m.DebtorId, m.Subject, m.At.UtcTicks)
                    : Command($"INSERT INTO {table} (message_id, debtor_id, subject, at, {outboxColumn}) VALUES ($1, $2, $3, $4, $5)",
                        record.Id, m.DebtorId, m.Subject, m.At.UtcTicks, Text(m.OutboxKey))]
                : []);

    /// <summary>A <c>channel_state</c> value as the store that wrote it reads it, by its key.</summary>
    private static object ChannelStateValue(string key, string json) => key switch
    {
        ChannelStateKeys.TelegramOffset => PostgreSqlJson.Deserialize<TelegramOffsetRecord>(json),
        ChannelStateKeys.TelegramOwner => PostgreSqlJson.Deserialize<TelegramOwnerChat>(json),
        ChannelStateKeys.TeamsOwner => PostgreSqlJson.Deserialize<TeamsOwnerRecord>(json),
        _ when ChannelStateKeys.DebtorOf(key) is not null => PostgreSqlJson.Deserialize<EmailThread>(json),
        _ when ChannelStateKeys.IsEmailCheckpoint(key, out _) => PostgreSqlJson.Deserialize<ImapCheckpointRecord>(json),
        // A value this build does not know is compared as the document PostgreSQL holds.
        _ => JsonDocument.Parse(json).RootElement.Clone(),
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
