using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>Maps Telegram messages and button presses to Bot Framework activities (channel id <c>telegram</c>).</summary>
/// <remarks>
/// The conversation id is the chat id, the user id the Telegram user id, the locale the user's Telegram
/// language (<c>language_code</c>). The conversation reference of such an activity addresses the private chat,
/// which is all a proactive send needs.
/// </remarks>
internal static class TelegramActivities
{
    public const string ChannelId = "telegram";

    /// <summary>A message activity for a private text message (or a caption); commands get a value (see <see cref="TelegramCommands"/>).</summary>
    public static Activity FromMessage(Message message, string text, TelegramBotIdentity bot)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(bot);
        var activity = Base(message.Chat, message.From, bot, message.Date);
        activity.Id = message.MessageId.ToString(CultureInfo.InvariantCulture);
        activity.Text = text;
        if (TelegramCommands.TryParse(text, bot.Username, out var command, out var payload))
            (activity.Text, activity.Value) = TelegramCommands.Describe(command, payload);
        return activity;
    }

    /// <summary>A message activity for a pressed button: its text, and its value when the action had one.</summary>
    public static Activity FromButton(CallbackQuery query, TelegramButton button, TelegramBotIdentity bot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(button);
        ArgumentNullException.ThrowIfNull(bot);
        var chat = query.Message?.Chat ?? new Chat { Id = button.ChatId, Type = ChatType.Private };
        var activity = Base(chat, query.From, bot, now.UtcDateTime);
        activity.Id = query.Id;
        activity.Text = button.Text;
        activity.ReplyToId = query.Message?.MessageId.ToString(CultureInfo.InvariantCulture);
        if (button.ValueJson is { } json)
        {
            using var document = JsonDocument.Parse(json);
            activity.Value = document.RootElement.Clone();
        }
        return activity;
    }

    /// <summary>The Telegram chat id a conversation id or reference stands for.</summary>
    public static bool TryGetChatId(string? conversationId, out long chatId) =>
        long.TryParse(conversationId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId) && chatId != 0;

    private static Activity Base(Chat chat, User? from, TelegramBotIdentity bot, DateTime date) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        Timestamp = new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)),
        Conversation = new ConversationAccount(chat.Id.ToString(CultureInfo.InvariantCulture), chat.Type.ToString().ToLowerInvariant())
        {
            IsGroup = chat.Type != ChatType.Private,
        },
        From = from is null ? null : new ChannelAccount(from.Id.ToString(CultureInfo.InvariantCulture), FullName(from)),
        Recipient = new ChannelAccount(bot.Id.ToString(CultureInfo.InvariantCulture), bot.Username),
        Locale = from?.LanguageCode,
        TextFormat = "plain",
    };

    private static string FullName(User user) =>
        string.IsNullOrEmpty(user.LastName) ? user.FirstName : $"{user.FirstName} {user.LastName}";
}
