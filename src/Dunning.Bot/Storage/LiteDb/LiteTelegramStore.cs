using Dunning.Bot.Channels.Telegram;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// <see cref="ITelegramStore"/> in LiteDB: the inbox of received updates (pending until handled, then
/// remembered as done so a redelivered update_id is dropped), the polling offset, and the data behind inline buttons.
/// </summary>
/// <remarks>
/// An update is accepted once (its update_id is the document id, so a second insert fails) and the polling offset
/// moves past it in the same call; it is handled from the inbox afterwards. So a crash after getUpdates but before
/// handling loses nothing (the update is pending in the file) and a redelivery after handling does nothing.
/// </remarks>
internal sealed partial class LiteTelegramStore : ITelegramStore
{
    internal const string Updates = "telegram_updates";
    internal const string State = "telegram_state";
    internal const string OffsetKey = "polling_offset";
    private const string Pending = "pending";
    private const string Done = "done";

    private readonly LiteDatabase _database;
    private readonly TimeProvider _clock;

    public LiteTelegramStore(LiteDbContext context, TimeProvider clock)
    {
        _database = (context ?? throw new ArgumentNullException(nameof(context))).Database;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _database.GetCollection(Updates).EnsureIndex("State", "$.State");
        _database.GetCollection(Updates).EnsureIndex("At", "$.At");
        _database.GetCollection(Buttons).EnsureIndex("Keyboard", "$.Keyboard");
        _database.GetCollection(Buttons).EnsureIndex("Expires", "$.Expires");
    }

    /// <summary>Stores a received update as pending; false when this update_id was seen before (pending or done).</summary>
    /// <param name="updateId">The update_id.</param>
    /// <param name="json">The update as Bot API JSON.</param>
    /// <param name="advanceOffset">True for polling: the next getUpdates starts after this update.</param>
    public bool Accept(long updateId, string json, bool advanceOffset)
    {
        ArgumentNullException.ThrowIfNull(json);
        var updates = _database.GetCollection(Updates);
        bool accepted;
        try
        {
            updates.Insert(new BsonDocument
            {
                ["_id"] = updateId,
                ["State"] = Pending,
                ["Json"] = json,
                ["At"] = _clock.GetUtcNow().UtcDateTime,
            });
            accepted = true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            accepted = false;
        }
        // The offset follows the last update received (not the highest id): Telegram may restart its ids at a random
        // number after a week without updates.
        if (advanceOffset)
            _database.GetCollection(State).Upsert(new BsonDocument { ["_id"] = OffsetKey, ["Value"] = updateId + 1 });
        return accepted;
    }

    /// <summary>The offset for the next getUpdates, or null before the first update.</summary>
    public long? Offset() =>
        _database.GetCollection(State).FindById(OffsetKey) is { } doc ? doc["Value"].AsInt64 : null;

    /// <summary>Pending updates, oldest first (by update_id).</summary>
    public IReadOnlyList<(long UpdateId, string Json)> PendingUpdates(int max) =>
        [.. _database.GetCollection(Updates)
            .Find(Query.EQ("State", Pending))
            .OrderBy(d => d["_id"].AsInt64)
            .Take(max)
            .Select(d => (d["_id"].AsInt64, d["Json"].AsString))];

    /// <summary>Marks an update handled: its JSON is dropped, its id kept to recognise redeliveries.</summary>
    public void MarkDone(long updateId)
    {
        var updates = _database.GetCollection(Updates);
        if (updates.FindById(updateId) is not { } doc)
            return;
        doc["State"] = Done;
        doc.Remove("Json");
        updates.Update(doc);
    }

    /// <summary>True when this update_id was handled.</summary>
    public bool IsDone(long updateId) =>
        _database.GetCollection(Updates).FindById(updateId) is { } doc && doc["State"].AsString == Done;

    /// <summary>Forgets all but the <paramref name="keep"/> most recently handled update ids.</summary>
    public int TrimDone(int keep)
    {
        var updates = _database.GetCollection(Updates);
        var done = updates.Count(Query.EQ("State", Done));
        if (done <= keep)
            return 0;
        var oldest = updates.Find(Query.EQ("State", Done))
            .OrderBy(d => d["At"].AsDateTime)
            .Take(done - keep)
            .Select(d => d["_id"])
            .ToArray();
        return updates.DeleteMany(Query.In("_id", oldest));
    }
}
