using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Uploads;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// The one place an update becomes work, for polling and webhook alike: private text → a turn of the bot,
/// the owner link code (<see cref="TelegramOwnerLink"/>) → the owner's alert chat and no turn,
/// a button press → a turn with the button's text and value, a photo or document → a turn carrying the file (proof of
/// payment), a group message → the "write to me privately"
/// notice and nothing else; anything else is logged and ignored.
/// </summary>
internal sealed class TelegramUpdateHandler(
    TelegramAdapter adapter,
    TelegramClients clients,
    TelegramMessageSender sender,
    ITelegramStore store,
    TelegramBotIdentity bot,
    TelegramOwnerLink ownerLink,
    MessageCatalogue catalogue,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<UploadOptions> uploads,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>The owner link code goes to <see cref="TelegramOwnerLink"/> and no further; any other text is a turn.</summary>
    private async Task OnPrivateTextAsync(Message message, string text, CancellationToken cancellationToken)
    {
        if (!await ownerLink.TryHandleAsync(message, text, cancellationToken))
            await RunTurnAsync(TelegramActivities.FromMessage(message, text, bot), cancellationToken);
    }

    public Task HandleAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { Chat.Type: not ChatType.Private } message } => SendGroupNoticeAsync(message, cancellationToken),
        { Message: { Text: { } text } message } => OnPrivateTextAsync(message, text, cancellationToken),
        { Message: { Document: not null } or { Photo.Length: > 0 } } => OnFileAsync(update.Message!, cancellationToken),
        { Message: { Caption: { } caption } message } => RunTurnAsync(TelegramActivities.FromMessage(message, caption, bot), cancellationToken),
        { CallbackQuery: { } query } => OnButtonAsync(query, cancellationToken),
        _ => Ignore(update),
    };

    private Task Ignore(Update update)
    {
        logger.LogInformation("Ignored Telegram update {UpdateId} of kind {Kind}", update.Id, update.Type);
        return Task.CompletedTask;
    }

    private async Task RunTurnAsync(Activity activity, CancellationToken cancellationToken, IReadOnlyList<IncomingFile>? files = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var turnBot = scope.ServiceProvider.GetRequiredService<IBot>();
        await adapter.ProcessActivityAsync(activity, (turn, ct) =>
        {
            IncomingFiles.Set(turn, files ?? []);
            return turnBot.OnTurnAsync(turn, ct);
        }, cancellationToken);
    }

    /// <summary>A photo or document (with its caption as text): a turn whose message carries the file, fetched only if the bot keeps it.</summary>
    private Task OnFileAsync(Message message, CancellationToken cancellationToken)
    {
        var files = TelegramFile.Of(message, clients.Interactive, uploads.Value.DownloadTimeout, logger);
        var activity = TelegramActivities.FromMessage(message, message.Caption ?? string.Empty, bot);
        activity.Attachments = [.. files.Select(IncomingFiles.Describe)];
        return RunTurnAsync(activity, cancellationToken, files);
    }

    /// <summary>
    /// Answers the callback query in every case (Telegram shows a spinner until then). Only a button this host stored,
    /// for this very chat, not expired and not yet used, starts a turn; its keyboard is then removed, so a choice
    /// is made once. A forged, foreign or stale payload gets the "no longer valid" notice and changes nothing.
    /// </summary>
    private async Task OnButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id;
        var button = query.Data is { } data && data.StartsWith(TelegramMessageSender.ButtonPrefix, StringComparison.Ordinal)
            ? store.FindButton(data[TelegramMessageSender.ButtonPrefix.Length..])
            : null;
        var valid = button is not null && chatId == button.ChatId && query.From.Id == button.ChatId
            && store.DeleteKeyboard(button.Keyboard) > 0;
        await AnswerAsync(query, valid ? null : catalogue.Render("telegram", "button_expired", Language(query.From)), cancellationToken);
        if (!valid)
        {
            logger.LogInformation("Ignored a button press in Telegram chat {ChatId}: unknown, foreign or used button", chatId);
            return;
        }
        await RemoveKeyboardAsync(query.Message!, cancellationToken);
        await RunTurnAsync(TelegramActivities.FromButton(query, button!, bot, clock.GetUtcNow()), cancellationToken);
    }

    private async Task AnswerAsync(CallbackQuery query, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Interactive.AnswerCallbackQuery(query.Id, text, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            // Too old (over 15 s, e.g. after a restart): the press still counts, only the spinner timed out.
            logger.LogInformation("Could not answer Telegram callback query: {Description}", ex.Message);
        }
    }

    private async Task RemoveKeyboardAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Interactive.EditMessageReplyMarkup(message.Chat.Id, message.MessageId, replyMarkup: null, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            logger.LogInformation("Could not remove the keyboard of Telegram message {MessageId}: {Description}", message.MessageId, ex.Message);
        }
    }

    private async Task SendGroupNoticeAsync(Message message, CancellationToken cancellationToken)
    {
        var notice = Activity.CreateMessage(catalogue.Render("common", "group_chat", Language(message.From)));
        try
        {
            await sender.SendAsync(clients.Interactive, message.Chat.Id, notice, cancellationToken);
        }
        catch (RequestException ex)
        {
            logger.LogInformation("Could not send the private-chat notice to Telegram group {ChatId}: {Error}", message.Chat.Id, ex.Message);
        }
    }

    /// <summary>The user's Telegram language when the catalogue has it, else English (the likelier second language).</summary>
    private string Language(User? user) =>
        user?.LanguageCode is { Length: >= 2 } code && catalogue.Languages.Contains(code[..2].ToLowerInvariant())
            ? code[..2].ToLowerInvariant()
            : "en";
}
