using Dunning.Bot.Channels;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Staff.Live;

/// <summary>
/// The debtors the schedule cannot remind on any channel right now, for the console's inbox and the owner's alert
/// digest. Candidates are the debtors with an open dead-channel escalation (the planner raises one when it finds no
/// address, a bounce or a blocked chat raises one too); each is checked the way the planner chooses a channel
/// (<see cref="ConversationChoice.Choose(Debtor, IReadOnlyList{ConversationLink}, DateTimeOffset?)"/>), so a
/// debtor who has meanwhile opened a chat or got a new address is no longer listed.
/// </summary>
public sealed class UnreachableDebtors(
    IEscalationStore escalations, IDebtorStore debtors, IConversationStore conversations, IEnumerable<IProactiveChannel> channels, TimeProvider clock)
{
    private readonly bool emailOn = channels.Any(c => string.Equals(c.ChannelId, ChannelKind.Email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every unreachable debtor, longest-standing first.</summary>
    public async Task<IReadOnlyList<UnreachableDebtor>> ListAsync(CancellationToken cancellationToken)
    {
        var open = (await escalations.ListOpenAsync(cancellationToken).ConfigureAwait(false))
            .Where(e => e.Reason == EscalationReason.DeadChannel)
            .GroupBy(e => e.DebtorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(e => e.RaisedAt), StringComparer.Ordinal);
        if (open.Count == 0)
            return [];
        var now = clock.GetUtcNow();
        var found = new List<UnreachableDebtor>();
        foreach (var debtor in await debtors.FindManyAsync(open.Keys, cancellationToken).ConfigureAwait(false))
        {
            var links = await conversations.ListByDebtorAsync(debtor.Id, cancellationToken).ConfigureAwait(false);
            var target = ConversationChoice.Choose(debtor, links, emailOn ? now : null);
            if (target is not null && debtor.Contact(target.Channel)?.CanReceiveProactive == true)
                continue;
            var usable = debtor.Contacts.Where(c => emailOn || c.Channel != ChannelKind.Email).ToList();
            found.Add(new UnreachableDebtor(debtor.Id, debtor.Name,
                [.. usable.Where(c => c.DeadSince is not null).Select(c => c.Channel)],
                [.. usable.Where(c => c.DeadSince is null && c.OptedOutAt is not null).Select(c => c.Channel)],
                open[debtor.Id]));
        }
        return [.. found.OrderBy(u => u.Since).ThenBy(u => u.Name, StringComparer.CurrentCulture)];
    }
}
