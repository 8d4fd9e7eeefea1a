using System.Security.Cryptography;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Turns one outgoing message activity into Bot API calls: the text (split at 4096 characters), then each
/// attachment, with the suggested actions as an inline keyboard under the last of them. Every call first waits
/// for <see cref="TelegramSendGate"/>. Exceptions of the client (ApiRequestException, RequestException) propagate.
/// </summary>
internal sealed partial class TelegramMessageSender(
    TelegramSendGate gate,
    ITelegramStore store,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramMessageSender> logger)
{
    /// <summary>The prefix of callback_data that names a server-side button.</summary>
    public const string ButtonPrefix = "b:";

    private const int ShortTitle = 20;

    /// <summary>Sends <paramref name="activity"/>; returns the Telegram messages it became (none for other activity types).</summary>
    public async Task<IReadOnlyList<Message>> SendAsync(ITelegramBotClient client, long chatId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
            return [];
        var sends = new List<Func<ReplyMarkup?, Task<Message>>>();
        foreach (var part in TelegramText.Split(activity.Text))
            sends.Add(markup => client.SendMessage(chatId, part, replyMarkup: markup, cancellationToken: cancellationToken));
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (AttachmentSend(client, chatId, attachment, cancellationToken) is { } send)
                sends.Add(send);
        }
        if (sends.Count == 0)
        {
            if (activity.SuggestedActions is { Actions.Count: > 0 })
                logger.LogWarning("A message with buttons but no text or attachment was not sent to Telegram chat {ChatId}", chatId);
            return [];
        }
        var keyboard = Keyboard(chatId, activity.SuggestedActions);
        var messages = new List<Message>(sends.Count);
        for (var i = 0; i < sends.Count; i++)
        {
            await using var slot = await gate.EnterAsync(chatId, cancellationToken);
            messages.Add(await sends[i](i == sends.Count - 1 ? keyboard : null));
        }
        return messages;
    }

    /// <summary>The inline keyboard for suggested actions; the buttons' data is stored before the message goes out.</summary>
    private InlineKeyboardMarkup? Keyboard(long chatId, SuggestedActions? suggested)
    {
        if (suggested is not { Actions.Count: > 0 })
            return null;
        var keyboardId = NewId();
        var expires = clock.GetUtcNow() + options.Value.ButtonLifetime;
        var stored = new List<TelegramButton>();
        var buttons = new List<InlineKeyboardButton>();
        foreach (var action in suggested.Actions)
        {
            var title = action.Title ?? action.Text ?? AsString(action.Value);
            if (string.IsNullOrWhiteSpace(title))
                continue;
            if (action.Type == CardAction.OpenUrl)
            {
                if (Uri.TryCreate(AsString(action.Value), UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
                    buttons.Add(InlineKeyboardButton.WithUrl(title, url.AbsoluteUri));
                continue;
            }
            var button = new TelegramButton(NewId(), chatId, keyboardId, AsString(action.Value) ?? action.Text ?? title,
                action.Value is { } value ? value.GetRawText() : null, expires);
            stored.Add(button);
            buttons.Add(InlineKeyboardButton.WithCallbackData(title, ButtonPrefix + button.Id));
        }
        if (buttons.Count == 0)
            return null;
        store.SaveButtons(stored);
        var perRow = buttons.All(b => b.Text.Length <= ShortTitle) ? 2 : 1;
        return new InlineKeyboardMarkup(buttons.Chunk(perRow));
    }

    private static string? AsString(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>16 URL-safe characters from 96 random bits: unguessable, and short enough for callback_data's 64 bytes.</summary>
    private static string NewId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
}
