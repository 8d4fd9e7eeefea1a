using System.Text;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>Inline keyboards: reply_markup validation, answerCallbackQuery and editMessageReplyMarkup.</summary>
public sealed partial class FakeTelegramServer
{
    private const int MaxCallbackDataBytes = 64;
    private const string InvalidQuery = "query is too old and response timeout expired or query ID is invalid";

    private readonly Dictionary<string, CallbackQueryState> _callbackQueries = new(StringComparer.Ordinal);
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly List<MarkupEdit> _markupEdits = [];

    private sealed record CallbackQueryState(DateTimeOffset CreatedAt, bool Answered = false);

    /// <summary>Accepted answerCallbackQuery calls, in order.</summary>
    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get { lock (_gate) return [.. _callbackAnswers]; }
    }

    /// <summary>Accepted editMessageReplyMarkup calls, in order.</summary>
    public IReadOnlyList<MarkupEdit> MarkupEdits
    {
        get { lock (_gate) return [.. _markupEdits]; }
    }

    /// <summary>The reply_markup the bot's message currently carries (after edits), or null.</summary>
    public JsonObject? CurrentReplyMarkup(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue((chatId, messageId), out var stored)
                ? stored.Json["reply_markup"]?.DeepClone().AsObject()
                : null;
        }
    }

    private static JsonObject? ReadReplyMarkup(BotRequest request)
    {
        if (request.GetJson("reply_markup") is not { } node) return null;
        if (node is not JsonObject markup) throw BotApiError.BadRequest("can't parse reply keyboard markup JSON object");
        if (markup["inline_keyboard"] is { } keyboard) ValidateInlineKeyboard(keyboard);
        return markup;
    }

    private static void ValidateInlineKeyboard(JsonNode keyboard)
    {
        if (keyboard is not JsonArray rows) throw BotApiError.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        foreach (var row in rows)
        {
            if (row is not JsonArray buttons) throw BotApiError.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            foreach (var button in buttons.OfType<JsonObject>())
            {
                if (string.IsNullOrEmpty(button["text"]?.GetValue<string>())) throw BotApiError.BadRequest("can't parse inline keyboard button: Text must be non-empty");
                if (button["callback_data"]?.GetValue<string>() is { } data
                    && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes))
                {
                    throw BotApiError.BadRequest("BUTTON_DATA_INVALID");
                }
                if (button.Count == 1) throw BotApiError.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            }
        }
    }

    private JsonNode AnswerCallbackQuery(BotRequest request)
    {
        var id = request.GetString("callback_query_id") ?? throw BotApiError.BadRequest(InvalidQuery);
        lock (_gate)
        {
            if (!_callbackQueries.TryGetValue(id, out var state) || state.Answered
                || Options.TimeProvider.GetUtcNow() - state.CreatedAt > Options.CallbackQueryLifetime)
            {
                throw BotApiError.BadRequest(InvalidQuery);
            }
            _callbackQueries[id] = state with { Answered = true };
            _callbackAnswers.Add(new CallbackAnswer(id, request.GetString("text"), request.GetBool("show_alert"),
                request.GetString("url"), request.GetInt32("cache_time")));
            SignalChanged();
            return true;
        }
    }

    private JsonNode EditMessageReplyMarkup(BotRequest request)
    {
        if (request.Has("inline_message_id")) throw BotApiError.BadRequest("MESSAGE_ID_INVALID"); // inline mode is not used here
        var chatId = RequireChatId(request);
        var messageId = request.GetInt32("message_id") ?? throw BotApiError.BadRequest("message identifier is not specified");
        var markup = ReadReplyMarkup(request);
        lock (_gate)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var stored)) throw BotApiError.BadRequest("message to edit not found");
            if (!stored.FromBot) throw BotApiError.BadRequest("message can't be edited");
            var newMarkup = markup?["inline_keyboard"] is not null ? markup : null;
            if (JsonNode.DeepEquals(stored.Json["reply_markup"], newMarkup))
            {
                throw BotApiError.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            if (newMarkup is null) stored.Json.Remove("reply_markup");
            else stored.Json["reply_markup"] = newMarkup.DeepClone();
            stored.Json["edit_date"] = UnixNow();
            _markupEdits.Add(new MarkupEdit(chatId, messageId, newMarkup));
            SignalChanged();
            return stored.Json.DeepClone();
        }
    }
}
