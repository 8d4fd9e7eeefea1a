using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Storage.Migration;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="ITelegramStore"/> in PostgreSQL, shared by every host: the inbox of received updates (pending until handled,
/// then remembered as done so a redelivered update_id is dropped), the polling offset, the data behind inline buttons and
/// the owner's alert chat. An update_id is accepted once across hosts: the insert is <c>ON CONFLICT DO NOTHING</c> and
/// its row count says whether this call was the first. Times are UTC ticks.
/// </summary>
/// <remarks>
/// Every host handles the shared inbox, so it is handed to one host at a time: <see cref="PendingUpdates"/> returns
/// updates only to the host that holds the inbox lease (taken when free or expired, renewed by each look and each
/// <see cref="MarkDone"/>, given up when the host finds nothing pending). So an update is handled once, and the updates of
/// a chat in order, whichever host received it; a host that died holding the lease delays the others by at most
/// <paramref name="inboxLease"/>.
/// </remarks>
internal sealed class PostgreSqlTelegramStore(PostgreSqlDatabase database, TimeProvider clock, TimeSpan inboxLease) : ITelegramStore
{
    private const string OffsetKey = ChannelStateKeys.TelegramOffset;
    private const string OwnerKey = ChannelStateKeys.TelegramOwner;
    private const string InboxKey = "telegram:inbox";

    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider clock = clock ?? throw new ArgumentNullException(nameof(clock));
    private readonly string consumer = Guid.NewGuid().ToString("N");

    public bool Accept(long updateId, string json, bool advanceOffset)
    {
        ArgumentNullException.ThrowIfNull(json);
        var accepted = PostgreSqlSync.Execute(database,
            "INSERT INTO telegram_updates (update_id, state, json, at) VALUES ($1, 'pending', $2, $3) ON CONFLICT (update_id) DO NOTHING",
            updateId, json, Now) == 1;
        // The offset follows the last update received (not the highest id): Telegram may restart its ids at a random
        // number after a week without updates.
        if (advanceOffset)
            PostgreSqlSync.SaveState(database, OffsetKey, new TelegramOffsetRecord(updateId + 1));
        return accepted;
    }

    public long? Offset() => PostgreSqlSync.FindState<TelegramOffsetRecord>(database, OffsetKey)?.Next;

    public IReadOnlyList<(long UpdateId, string Json)> PendingUpdates(int max)
    {
        if (!HoldInbox())
            return [];
        var pending = PostgreSqlSync.Rows(database, "SELECT update_id, json FROM telegram_updates WHERE state = 'pending' ORDER BY update_id LIMIT $1",
            r => (r.GetInt64(0), r.GetString(1)), Math.Max(max, 0));
        if (pending.Count == 0)
            ReleaseInbox();
        return pending;
    }

    public void ReleaseInbox() =>
        PostgreSqlSync.Execute(database, "DELETE FROM channel_state WHERE key = $1 AND doc->>'Consumer' = $2", InboxKey, consumer);

    public void MarkDone(long updateId)
    {
        PostgreSqlSync.Execute(database, "UPDATE telegram_updates SET state = 'done', json = NULL WHERE update_id = $1", updateId);
        HoldInbox();
    }

    public bool IsDone(long updateId) =>
        PostgreSqlSync.Single<bool>(database, "SELECT state = 'done' FROM telegram_updates WHERE update_id = $1", updateId);

    public int TrimDone(int keep) =>
        PostgreSqlSync.Execute(database, """
            DELETE FROM telegram_updates WHERE update_id IN (
                SELECT update_id FROM telegram_updates WHERE state = 'done' ORDER BY at DESC, update_id DESC OFFSET $1)
            """, Math.Max(keep, 0));

    public void SaveButtons(IReadOnlyCollection<TelegramButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        if (buttons.Count == 0)
            return;
        PostgreSqlSync.Execute(database, """
            INSERT INTO telegram_buttons (id, chat_id, keyboard, expires_at, doc)
            SELECT id, chat_id, keyboard, expires_at, doc::jsonb FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[])
                AS b (id, chat_id, keyboard, expires_at, doc)
            """,
            buttons.Select(b => b.Id).ToArray(), buttons.Select(b => b.ChatId).ToArray(), buttons.Select(b => b.Keyboard).ToArray(),
            buttons.Select(b => b.Expires.UtcTicks).ToArray(), buttons.Select(PostgreSqlJson.Serialize).ToArray());
    }

    public TelegramButton? FindButton(string id) =>
        PostgreSqlSync.Single<string>(database, "SELECT doc::text FROM telegram_buttons WHERE id = $1 AND expires_at > $2", id, Now) is { } json
            ? PostgreSqlJson.Deserialize<TelegramButton>(json)
            : null;

    public int DeleteKeyboard(string keyboard) =>
        PostgreSqlSync.Execute(database, "DELETE FROM telegram_buttons WHERE keyboard = $1", keyboard);

    public int DeleteExpiredButtons() =>
        PostgreSqlSync.Execute(database, "DELETE FROM telegram_buttons WHERE expires_at <= $1", Now);

    public TelegramOwnerChat? FindOwner() => PostgreSqlSync.FindState<TelegramOwnerChat>(database, OwnerKey);

    public void SaveOwner(TelegramOwnerChat owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        PostgreSqlSync.SaveState(database, OwnerKey, owner);
    }

    private long Now => clock.GetUtcNow().UtcTicks;

    /// <summary>Takes the inbox lease (free, expired or already this host's) until now + the lease; false when another host holds it.</summary>
    private bool HoldInbox() =>
        PostgreSqlSync.Execute(database, """
            INSERT INTO channel_state (key, version, doc) VALUES ($1, 1, $2::jsonb)
            ON CONFLICT (key) DO UPDATE SET version = channel_state.version + 1, doc = excluded.doc
            WHERE channel_state.doc->>'Consumer' = $3 OR (channel_state.doc->>'Until')::bigint <= $4
            """, InboxKey, PostgreSqlJson.Serialize(new InboxLease(consumer, Now + inboxLease.Ticks)), consumer, Now) == 1;

    private sealed record InboxLease(string Consumer, long Until);
}
