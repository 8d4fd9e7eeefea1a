using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>Owner alerts in the owner's bound Teams chat (see <see cref="TeamsOwnerLink"/>), through the proactive path.</summary>
internal sealed class TeamsOwnerNotifier(
    IOwnerNotifier? inner, ITeamsStore store, TeamsProactiveChannel channel, TeamsWording wording, IOptions<BotOptions> bot,
    ILogger<TeamsOwnerNotifier> logger) : ChannelOwnerNotifier(inner, bot, logger)
{
    protected override string ChannelId => "msteams";

    protected override OwnerChat? FindOwner() => store.FindOwner() is { } owner ? new OwnerChat(owner.Reference, owner.Language) : null;

    protected override string Render(string language, IReadOnlyDictionary<string, object?> model) => wording.Render(language, "owner_alert", model);

    protected override Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        channel.SendAsync(reference, activities, cancellationToken);
}
