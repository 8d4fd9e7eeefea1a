using System.Globalization;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Owner alerts in the owner's bound Telegram chat (see <see cref="TelegramOwnerLink"/>), through the adapter's
/// proactive path (its send gate keeps Telegram's rate limits).
/// </summary>
internal sealed class TelegramOwnerNotifier(
    IOwnerNotifier? inner,
    ITelegramStore store,
    TelegramAdapter adapter,
    MessageCatalogue catalogue,
    IOptions<BotOptions> bot,
    ILogger<TelegramOwnerNotifier> logger) : ChannelOwnerNotifier(inner, bot, logger)
{
    protected override string ChannelId => TelegramActivities.ChannelId;

    protected override OwnerChat? FindOwner() =>
        store.FindOwner() is { } owner
            ? new OwnerChat(new ConversationReference
            {
                ChannelId = TelegramActivities.ChannelId,
                Conversation = new ConversationAccount(owner.ChatId.ToString(CultureInfo.InvariantCulture), "private"),
            }, owner.Language)
            : null;

    protected override string Render(string language, IReadOnlyDictionary<string, object?> model) =>
        catalogue.Render("telegram", "owner_alert", language, model);

    protected override Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        adapter.SendAsync(reference, activities, cancellationToken);
}
