using LiteDB;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>A button of an inline keyboard as kept server-side: callback_data carries only its random id.</summary>
/// <param name="Id">The random id sent as callback_data (after the "b:" prefix).</param>
/// <param name="ChatId">The only chat where the button works.</param>
/// <param name="Keyboard">The keyboard (one message) it belongs to; pressing one button retires them all.</param>
/// <param name="Text">The text the press stands for (an imBack value or the title).</param>
/// <param name="ValueJson">The action's value as raw JSON, or null.</param>
/// <param name="Expires">When the button stops working.</param>
internal sealed record TelegramButton(string Id, long ChatId, string Keyboard, string Text, string? ValueJson, DateTimeOffset Expires);

internal sealed partial class TelegramStore
{
    private const string Buttons = "telegram_buttons";

    public void SaveButtons(IReadOnlyCollection<TelegramButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        if (buttons.Count == 0)
            return;
        _database.GetCollection(Buttons).InsertBulk(buttons.Select(b => new BsonDocument
        {
            ["_id"] = b.Id,
            ["Chat"] = b.ChatId,
            ["Keyboard"] = b.Keyboard,
            ["Text"] = b.Text,
            ["Value"] = b.ValueJson is null ? BsonValue.Null : new BsonValue(b.ValueJson),
            ["Expires"] = b.Expires.UtcDateTime,
        }));
    }

    /// <summary>The button with this id if it has not expired; null otherwise.</summary>
    public TelegramButton? FindButton(string id)
    {
        if (_database.GetCollection(Buttons).FindById(id) is not { } doc)
            return null;
        var expires = new DateTimeOffset(DateTime.SpecifyKind(doc["Expires"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
        if (expires <= _clock.GetUtcNow())
            return null;
        return new TelegramButton(id, doc["Chat"].AsInt64, doc["Keyboard"].AsString, doc["Text"].AsString,
            doc["Value"].IsNull ? null : doc["Value"].AsString, expires);
    }

    /// <summary>Retires every button of a keyboard (after one was pressed: a choice is made once).</summary>
    public int DeleteKeyboard(string keyboard) =>
        _database.GetCollection(Buttons).DeleteMany(Query.EQ("Keyboard", keyboard));

    public int DeleteExpiredButtons() =>
        _database.GetCollection(Buttons).DeleteMany(Query.LTE("Expires", _clock.GetUtcNow().UtcDateTime));
}
