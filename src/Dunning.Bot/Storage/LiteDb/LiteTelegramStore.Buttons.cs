using Dunning.Bot.Channels.Telegram;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

internal sealed partial class LiteTelegramStore
{
    internal const string Buttons = "telegram_buttons";

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
        var button = ButtonOf(doc);
        return button.Expires <= _clock.GetUtcNow() ? null : button;
    }

    /// <summary>A stored button, expired or not.</summary>
    internal static TelegramButton ButtonOf(BsonDocument doc) =>
        new(doc["_id"].AsString, doc["Chat"].AsInt64, doc["Keyboard"].AsString, doc["Text"].AsString,
            doc["Value"].IsNull ? null : doc["Value"].AsString,
            new DateTimeOffset(DateTime.SpecifyKind(doc["Expires"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));

    /// <summary>Retires every button of a keyboard (after one was pressed: a choice is made once).</summary>
    public int DeleteKeyboard(string keyboard) =>
        _database.GetCollection(Buttons).DeleteMany(Query.EQ("Keyboard", keyboard));

    public int DeleteExpiredButtons() =>
        _database.GetCollection(Buttons).DeleteMany(Query.LTE("Expires", _clock.GetUtcNow().UtcDateTime));
}
