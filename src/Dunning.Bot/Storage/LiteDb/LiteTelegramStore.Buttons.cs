using Dunning.Bot.Channels.Telegram;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

internal sealed partial class LiteTelegramStore
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
