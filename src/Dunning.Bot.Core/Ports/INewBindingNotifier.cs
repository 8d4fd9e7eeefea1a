using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Told when a debtor's chat on a channel is replaced by a newly bound one (a second tab, another device — or someone
/// holding a leaked link): the host tells the debtor on the previous chat and tells staff (case history, owner alert),
/// so a new binding never silently redirects the reminders. Must not throw for delivery problems.
/// </summary>
public interface INewBindingNotifier
{
    /// <summary><paramref name="previous"/> was the debtor's address on <paramref name="channel"/> before <paramref name="newConversationKey"/> was bound.</summary>
    Task ReplacedAsync(Debtor debtor, string channel, ContactAddress previous, string newConversationKey, CancellationToken cancellationToken);
}
