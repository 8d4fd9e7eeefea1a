using System.Globalization;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>Test controls that make users "write" to the bot: each call enqueues one update.</summary>
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly Dictionary<long, int> _lastMessageId = [];
    private int _nextCallbackQueryId = 1;

    /// <summary>Makes the private chat with <paramref name="user"/> known (as if the user had started the bot
    /// earlier), without enqueuing an update. Needed before proactive sends when <see cref="FakeTelegramOptions.RequireKnownChats"/>.</summary>
    public void RegisterPrivateChat(FakeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate) _chats[user.Id] = FakeChat.PrivateWith(user);
    }

    /// <summary>A text message from <paramref name="from"/> in their private chat. A leading "/command" gets
    /// a bot_command entity, as Telegram adds it.</summary>
    public EnqueuedUpdate EnqueueMessage(FakeUser from, string text) => EnqueueChatMessage(from, FakeChat.PrivateWith(from), text);

    /// <summary>"/start" or "/start {payload}" — what Telegram sends when a user opens t.me/bot?start=payload.</summary>
    public EnqueuedUpdate EnqueueStart(FakeUser from, string? payload = null) =>
        EnqueueMessage(from, string.IsNullOrEmpty(payload) ? "/start" : "/start " + payload);

    /// <summary>A text message from <paramref name="from"/> in a group (negative <paramref name="groupId"/>).</summary>
    public EnqueuedUpdate EnqueueGroupMessage(FakeUser from, long groupId, string groupTitle, string text, string type = "group") =>
        EnqueueChatMessage(from, new FakeChat(groupId, type, groupTitle), text);

    /// <summary>The user edited their earlier message <paramref name="messageId"/> (an edited_message update).</summary>
    public EnqueuedUpdate EnqueueEditedMessage(FakeUser from, int messageId, string newText, long originalDateUnix)
    {
        ArgumentNullException.ThrowIfNull(from);
        lock (_gate)
        {
            var chat = KnowChat(FakeChat.PrivateWith(from));
            var message = MessageJson(chat, from.ToJson(), messageId, originalDateUnix, newText);
            message["edit_date"] = UnixNow();
            return new EnqueuedUpdate(AddUpdate("edited_message", message), messageId);
        }
    }

    /// <summary>The user pressed an inline button with <paramref name="data"/> under the bot's message
    /// <paramref name="messageId"/> in their private chat. The returned <see cref="EnqueuedUpdate.CallbackQueryId"/>
    /// can be answered for <see cref="FakeTelegramOptions.CallbackQueryLifetime"/>, once.</summary>
    public EnqueuedUpdate EnqueueCallbackQuery(FakeUser from, int messageId, string data)
    {
        ArgumentNullException.ThrowIfNull(from);
        lock (_gate)
        {
            var chat = KnowChat(FakeChat.PrivateWith(from));
            if (!_messages.TryGetValue((chat.Id, messageId), out var stored) || !stored.FromBot)
            {
                throw new InvalidOperationException($"The bot sent no message {messageId} to chat {chat.Id}; a button needs one.");
            }
            var id = (BotId * 1000 + _nextCallbackQueryId++).ToString(CultureInfo.InvariantCulture);
            _callbackQueries[id] = new CallbackQueryState(Options.TimeProvider.GetUtcNow());
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = from.ToJson(),
                ["message"] = stored.Json.DeepClone(),
                ["chat_instance"] = (chat.Id * 7919).ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            return new EnqueuedUpdate(AddUpdate("callback_query", query), messageId, id);
        }
    }

    /// <summary>Any update kind, e.g. one this client does not know ("message_reaction", "business_message",
    /// or an invented future kind). Dropped, as by Telegram, when allowed_updates excludes the kind.</summary>
    public EnqueuedUpdate EnqueueRaw(string kind, JsonObject payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(payload);
        lock (_gate) return new EnqueuedUpdate(AddUpdate(kind, payload));
    }

    private EnqueuedUpdate EnqueueChatMessage(FakeUser from, FakeChat chat, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (!chat.IsPrivate) KnowChat(FakeChat.PrivateWith(from));
            chat = KnowChat(chat);
            var messageId = NextMessageId(chat.Id);
            var message = MessageJson(chat, from.ToJson(), messageId, UnixNow(), text);
            if (text.StartsWith('/'))
            {
                var length = text.IndexOfAny([' ', '\n']) is var end and >= 0 ? end : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }
            _messages[(chat.Id, messageId)] = new StoredMessage(message, FromBot: false);
            return new EnqueuedUpdate(AddUpdate("message", message), messageId);
        }
    }

    private FakeChat KnowChat(FakeChat chat)
    {
        if (!_chats.TryGetValue(chat.Id, out var known)) _chats[chat.Id] = known = chat;
        return known;
    }

    private int NextMessageId(long chatId)
    {
        var next = _lastMessageId.GetValueOrDefault(chatId) + 1;
        _lastMessageId[chatId] = next;
        return next;
    }

    private static JsonObject MessageJson(FakeChat chat, JsonObject from, int messageId, long date, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = from,
            ["chat"] = chat.ToJson(),
            ["date"] = date,
        };
        if (text is not null) message["text"] = text;
        return message;
    }
}
