using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// The case page's "Access and chat links", owner only (like replacing them): the access code printed on reminders and
/// the links that bind a chat to this debtor — the web chat link and, once the Telegram bot's username is known
/// (<c>Telegram:BotUsername</c> or asked from Telegram at start), its deep link.
/// </summary>
public sealed partial class CaseModel
{
    public Uri? WebChatLink { get; private set; }

    public Uri? TelegramLink { get; private set; }

    private void LoadAccess()
    {
        if (!IsOwner || Debtor is null)
            return;
        var services = HttpContext.RequestServices;
        WebChatLink = services.GetRequiredService<IOptions<BotOptions>>().Value.ChatLink(Debtor.LinkToken);
        var configured = services.GetService<IOptions<TelegramOptions>>()?.Value.BotUsername;
        var identity = services.GetService<TelegramBotIdentity>()
            ?? (string.IsNullOrWhiteSpace(configured) ? null : new TelegramBotIdentity(configured, 0));
        TelegramLink = identity?.DeepLink(Debtor.LinkToken);
    }
}
