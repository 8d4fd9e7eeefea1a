using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// A proactive message the scheduler wants to send now. <see cref="RecentProactive"/> are the send instants of this
/// debtor's proactive messages on any channel (at least the last 7 days; older ones are ignored).
/// <see cref="Invoices"/> are the invoices the message is about (empty for messages about no invoice).
/// </summary>
public sealed record ContactRequest
{
    public required Debtor Debtor { get; init; }

    /// <summary>The channel id (see <see cref="ChannelKind"/>) the message would go out on.</summary>
    public required string Channel { get; init; }

    public required DateTimeOffset Now { get; init; }

    public IReadOnlyList<DateTimeOffset> RecentProactive { get; init; } = [];

    /// <summary>True while staff own (have taken over) the debtor's conversation.</summary>
    public bool StaffOwnsConversation { get; init; }

    public IReadOnlyList<Invoice> Invoices { get; init; } = [];
}
