using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>Which of a debtor's conversations a proactive message goes to (the planner, the "already paid" thanks, the console's unreachable list).</summary>
public static class ConversationChoice
{
    /// <summary>
    /// The conversation proactive messages go to: the most recently active bound chat whose channel address can still
    /// receive them; failing that, the most recent one at all (so the contact rules can say why it cannot be used).
    /// </summary>
    public static ConversationLink? Choose(Debtor debtor, IReadOnlyList<ConversationLink> links) => Choose(debtor, links, null);

    /// <summary>
    /// As <see cref="Choose(Debtor, IReadOnlyList{ConversationLink})"/>, with the owner's preferred channel
    /// first (<see cref="Debtor.PreferredChannel"/>, when it can deliver) and — when <paramref name="emailAt"/> is given
    /// (the host has an e-mail channel) — the debtor's e-mail address as the fallback when no chat can deliver.
    /// </summary>
    public static ConversationLink? Choose(Debtor debtor, IReadOnlyList<ConversationLink> links, DateTimeOffset? emailAt)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(links);
        var bound = links.Where(l => l.DebtorId == debtor.Id && (emailAt is not null || l.Channel != ChannelKind.Email))
            .OrderByDescending(l => l.LastInboundAt ?? l.LinkedAt).ToList();
        if (emailAt is { } at && !bound.Any(l => l.Channel == ChannelKind.Email) && EmailConversation.For(debtor, at) is { } email)
            bound.Add(email);
        if (emailAt is not null)
            EmailConversation.EnsureContact(debtor);
        bool CanDeliver(ConversationLink l) => debtor.Contact(l.Channel)?.CanReceiveProactive == true;
        return bound.FirstOrDefault(l => l.Channel == debtor.PreferredChannel && CanDeliver(l))
            ?? bound.FirstOrDefault(CanDeliver)
            ?? bound.FirstOrDefault();
    }
}
