using Dunning.Bot.Conversations;

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// One chat on one channel (<see cref="Key"/> = <c>{channelId}/{conversationId}</c>). It exists from the
/// first message on; <see cref="DebtorId"/> is set only after proof (link token or access code) and never
/// changes afterwards — one conversation, one debtor. <see cref="Reference"/> is the latest address for
/// proactive messages; <see cref="Handoff"/> says whether the bot may speak.
/// </summary>
public sealed class ConversationLink
{
    public required string Key { get; init; }

    public required string Channel { get; init; }

    public required ConversationReference Reference { get; set; }

    public string? DebtorId { get; private set; }

    public DateTimeOffset? LinkedAt { get; private set; }

    /// <summary>The language the bot speaks here (the debtor's preference until they clearly switch).</summary>
    public string Language { get; set; } = "de";

    /// <summary>Wrong access codes in a row; reset on success.</summary>
    public int FailedCodeAttempts { get; set; }

    /// <summary>No more code attempts until then.</summary>
    public DateTimeOffset? CodeCooldownUntil { get; set; }

    public HandoffState Handoff { get; set; } = HandoffState.Bot;

    /// <summary>The staff member who owns the conversation while <see cref="Handoff"/> is Human.</summary>
    public string? HandoffOwner { get; set; }

    public DateTimeOffset? LastInboundAt { get; set; }

    public int Version { get; set; }

    public bool IsLinked => DebtorId is not null;

    public static string KeyFor(string channelId, string conversationId) => $"{channelId}/{conversationId}";

    /// <summary>Binds the conversation to a debtor; binding it to another debtor later is refused.</summary>
    public void LinkTo(string debtorId, DateTimeOffset now)
    {
        if (DebtorId is not null && DebtorId != debtorId)
            throw new DomainException($"Conversation {Key} is already bound to another debtor.");
        DebtorId = debtorId;
        LinkedAt ??= now;
        FailedCodeAttempts = 0;
        CodeCooldownUntil = null;
    }

    /// <summary>Restores persisted binding fields (storage only).</summary>
    public void Restore(string? debtorId, DateTimeOffset? linkedAt) => (DebtorId, LinkedAt) = (debtorId, linkedAt);
}
