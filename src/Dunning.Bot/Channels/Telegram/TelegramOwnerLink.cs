using System.Security.Cryptography;
using System.Text;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Messages;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Binds the owner's own private chat for escalation alerts with <see cref="TelegramOptions.OwnerLinkCode"/>, typed
/// as <c>/owner &lt;code&gt;</c> or alone as the whole message. Such a message is caught before the bot: it never runs a
/// turn, so neither the bot, its middleware nor the transcript sees it. Every <c>/owner</c> command is caught (a
/// wrong code gets a neutral answer and changes nothing); a bare text that is not the code is an ordinary message.
/// Wrong tries (every <c>/owner</c> command, and bare one-word texts as long as a code) count against the sender in
/// <see cref="OwnerCodeAttempts"/>: after a few, even the right code binds nothing until the back-off ends.
/// Group chats never get here (the update handler answers them with the private-chat notice).
/// </summary>
internal sealed partial class TelegramOwnerLink(
    IOptions<TelegramOptions> options,
    ITelegramStore store,
    OwnerCodeAttempts attempts,
    TelegramClients clients,
    TelegramMessageSender sender,
    TelegramBotIdentity bot,
    MessageCatalogue catalogue,
    TimeProvider clock,
    ILogger<TelegramOwnerLink> logger)
{
    public const string Command = "owner";

    private readonly byte[]? code = options.Value.OwnerLinkCode?.Trim() is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : null;

    /// <summary>
    /// Handles a private text when it is an <c>/owner</c> command or the bare owner code (binding the chat when the code
    /// is right and the sender is not in a back-off, answering either way) and returns true; false for an ordinary message.
    /// </summary>
    public async Task<bool> TryHandleAsync(Message message, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var isCommand = TelegramCommands.TryParse(trimmed, bot.Username, out var command, out var payload) && command == Command;
        var typed = isCommand ? payload : trimmed;
        var client = $"telegram:{message.From?.Id ?? message.Chat.Id}";
        var bound = await attempts.AcceptAsync(client, typed, isCommand || OwnerCodeAttempts.LooksLikeAGuess(typed), Matches, cancellationToken);
        if (!isCommand && !bound)
            return false;
        var language = Language(message.From);
        string key;
        if (bound)
        {
            store.SaveOwner(new TelegramOwnerChat(message.Chat.Id, language, clock.GetUtcNow()));
            LogBound(message.Chat.Id);
            key = "owner_bound";
        }
        else
        {
            LogRefused(message.Chat.Id);
            key = "owner_code_wrong";
        }
        try
        {
            await sender.SendAsync(clients.Interactive, message.Chat.Id, Activity.CreateMessage(catalogue.Render("telegram", key, language)), cancellationToken);
        }
        catch (RequestException ex)
        {
            LogReplyFailed(message.Chat.Id, ex.Message);
        }
        return true;
    }

    /// <summary>Compares in constant time; false when no code is configured.</summary>
    private bool Matches(string typed) =>
        code is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(typed), code);

    private string Language(User? user) =>
        user?.LanguageCode is { Length: >= 2 } locale && catalogue.Languages.Contains(locale[..2].ToLowerInvariant())
            ? locale[..2].ToLowerInvariant()
            : "de";

    [LoggerMessage(Level = LogLevel.Information, Message = "The owner's escalation alerts now go to the Telegram chat {ChatId}")]
    private partial void LogBound(long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A wrong owner link code was sent from the Telegram chat {ChatId}; nothing was bound")]
    private partial void LogRefused(long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not answer the owner link code in Telegram chat {ChatId}: {Error}")]
    private partial void LogReplyFailed(long chatId, string error);
}
