using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// A copy of a link's fields as read at the start of a turn, to re-apply only the fields the turn changed onto a link
/// someone else saved meanwhile. A field the other writer changed too keeps their value (a takeover beats the bot's
/// "pending"). The reference and last-inbound time always move forward.
/// </summary>
public sealed record LinkChanges(string? DebtorId, DateTimeOffset? LinkedAt, string Language, int FailedCodeAttempts,
    DateTimeOffset? CodeCooldownUntil, HandoffState Handoff, string? HandoffOwner)
{
    public static LinkChanges Snapshot(ConversationLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.DebtorId, link.LinkedAt, link.Language, link.FailedCodeAttempts, link.CodeCooldownUntil, link.Handoff, link.HandoffOwner);
    }

    /// <summary>Applies to <paramref name="fresh"/> what changed from this snapshot to <paramref name="mine"/>.</summary>
    public void ApplyTo(ConversationLink mine, ConversationLink fresh)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(fresh);
        fresh.Reference = mine.Reference;
        if (mine.LastInboundAt > fresh.LastInboundAt || fresh.LastInboundAt is null)
            fresh.LastInboundAt = mine.LastInboundAt;
        if (mine.DebtorId != DebtorId && mine.DebtorId is { } debtorId && fresh.DebtorId is null)
            fresh.LinkTo(debtorId, mine.LinkedAt ?? LinkedAt ?? default);
        if (mine.Language != Language && fresh.Language == Language)
            fresh.Language = mine.Language;
        if (mine.FailedCodeAttempts != FailedCodeAttempts && fresh.FailedCodeAttempts == FailedCodeAttempts)
            fresh.FailedCodeAttempts = mine.FailedCodeAttempts;
        if (mine.CodeCooldownUntil != CodeCooldownUntil && fresh.CodeCooldownUntil == CodeCooldownUntil)
            fresh.CodeCooldownUntil = mine.CodeCooldownUntil;
        if (mine.Handoff != Handoff && fresh.Handoff == Handoff)
        {
            fresh.Handoff = mine.Handoff;
            fresh.HandoffOwner = mine.HandoffOwner;
        }
    }
}
