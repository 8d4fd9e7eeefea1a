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
/// Any host may accept an update; the pending ones are handled by one host only, the leader of the bot's Telegram role
/// (<see cref="TelegramUpdateProcessor"/>), so the store hands them to whoever asks.
/// </remarks>
internal sealed class PostgreSqlTelegramStore(PostgreSqlDatabase database, TimeProvider clock) : ITelegramStore
{
    private const string OffsetKey = ChannelStateKeys.TelegramOffset;
    private const string OwnerKey = ChannelStateKeys.TelegramOwner;

    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider clock = clock ?? throw new ArgumentNullException(nameof(clock));

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

    public IReadOnlyList<(long UpdateId, string Json)> PendingUpdates(int max) =>
        PostgreSqlSync.Rows(database, "SELECT update_id, json FROM telegram_updates WHERE state = 'pending' ORDER BY update_id LIMIT $1",
            r => (r.GetInt64(0), r.GetString(1)), Math.Max(max, 0));

    public void MarkDone(long updateId) =>
        PostgreSqlSync.Execute(database, "UPDATE telegram_updates SET state = 'done', json = NULL WHERE update_id = $1", updateId);

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
}
