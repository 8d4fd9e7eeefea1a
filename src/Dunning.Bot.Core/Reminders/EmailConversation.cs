using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// A debtor's e-mail "conversation": key <c>email/&lt;debtor id&gt;</c>, bound to the debtor from the start (the
/// owner gave the address). It exists in the conversation store only once the debtor wrote by e-mail; before that the
/// planner and the dispatcher use this stand-in, so a debtor without any chat can still be reminded.
/// </summary>
public static class EmailConversation
{
    public static string KeyFor(string debtorId) => ConversationLink.KeyFor(ChannelKind.Email, debtorId);

    /// <summary>The stand-in link, or null when the debtor has no e-mail address.</summary>
    public static ConversationLink? For(Debtor debtor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        if (string.IsNullOrWhiteSpace(debtor.Email))
            return null;
        var link = new ConversationLink
        {
            Key = KeyFor(debtor.Id),
            Channel = ChannelKind.Email,
            Reference = new ConversationReference
            {
                ChannelId = ChannelKind.Email,
                Conversation = new ConversationAccount(debtor.Id),
                User = new ChannelAccount(debtor.Email.Trim(), debtor.Name),
                Bot = new ChannelAccount("bot") { Role = "bot" },
                Locale = debtor.Language,
            },
            Language = debtor.Language,
        };
        link.LinkTo(debtor.Id, now);
        return link;
    }

    /// <summary>
    /// Makes sure the debtor's e-mail address is one of its contact addresses (in memory; the caller saves if it wants):
    /// a new address replaces an old one (clearing its dead mark, keeping an opt-out); none is added without an address.
    /// </summary>
    public static ContactAddress? EnsureContact(Debtor debtor)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        if (string.IsNullOrWhiteSpace(debtor.Email))
            return debtor.Contact(ChannelKind.Email);
        var address = debtor.Email.Trim();
        return debtor.Contact(ChannelKind.Email) is { } known && string.Equals(known.Address, address, StringComparison.OrdinalIgnoreCase)
            ? known
            : debtor.Reach(ChannelKind.Email, address);
    }
}
