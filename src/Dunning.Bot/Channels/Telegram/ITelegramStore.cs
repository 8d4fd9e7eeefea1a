namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// What the Telegram channel keeps: the inbox of received updates (pending until handled, then remembered as done so a
/// redelivered update_id is dropped), the polling offset, the data behind inline buttons and the owner's alert chat.
/// </summary>
/// <remarks>
/// An update is accepted once and the polling offset moves past it in the same call; it is handled from the inbox
/// afterwards. So a crash after getUpdates but before handling loses nothing (the update is pending) and a redelivery
/// after handling does nothing.
/// </remarks>
internal interface ITelegramStore
{
    /// <summary>Stores a received update as pending; false when this update_id was seen before (pending or done).</summary>
    /// <param name="updateId">The update_id.</param>
    /// <param name="json">The update as Bot API JSON.</param>
    /// <param name="advanceOffset">True for polling: the next getUpdates starts after this update (also when it was seen before).</param>
    bool Accept(long updateId, string json, bool advanceOffset);

    /// <summary>The offset for the next getUpdates, or null before the first update.</summary>
    long? Offset();

    /// <summary>Pending updates, oldest first (by update_id), at most <paramref name="max"/>.</summary>
    IReadOnlyList<(long UpdateId, string Json)> PendingUpdates(int max);

    /// <summary>Marks an update handled: its JSON is dropped, its id kept to recognise redeliveries. Unknown ids: nothing.</summary>
    void MarkDone(long updateId);

    /// <summary>True when this update_id was handled.</summary>
    bool IsDone(long updateId);

    /// <summary>Forgets all but the <paramref name="keep"/> most recently handled update ids; returns how many it forgot.</summary>
    int TrimDone(int keep);

    /// <summary>Keeps the buttons of one keyboard (ids must be new).</summary>
    void SaveButtons(IReadOnlyCollection<TelegramButton> buttons);

    /// <summary>The button with this id if it has not expired; null otherwise.</summary>
    TelegramButton? FindButton(string id);

    /// <summary>Retires every button of a keyboard (after one was pressed: a choice is made once); returns how many.</summary>
    int DeleteKeyboard(string keyboard);

    /// <summary>Removes the buttons whose time has passed; returns how many.</summary>
    int DeleteExpiredButtons();

    /// <summary>The owner's bound alert chat, or null when none is bound.</summary>
    TelegramOwnerChat? FindOwner();

    /// <summary>Makes <paramref name="owner"/> the destination of owner alerts (the latest binding wins).</summary>
    void SaveOwner(TelegramOwnerChat owner);
}
