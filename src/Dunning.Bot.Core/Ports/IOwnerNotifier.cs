using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Tells the owner (and staff) that something needs a person: the host delivers it to the owner's bound
/// Telegram or Teams chat, the console's live inbox and the log. Must not throw for delivery problems.
/// </summary>
public interface IOwnerNotifier
{
    Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken);
}

/// <summary>A short alert: what happened to whom, how urgent, and the escalation to open.</summary>
public sealed record OwnerAlert(string DebtorId, string DebtorName, EscalationReason Reason, EscalationPriority Priority,
    string Summary, string? EscalationId, DateTimeOffset At)
{
    /// <summary>For a digest: the alerts it stands for (empty for a single alert), so a channel may list them its own way.</summary>
    public IReadOnlyList<OwnerAlert> Digest { get; init; } = [];

    /// <summary>For a digest: the debtors no channel can reach at the moment, so none is skipped silently.</summary>
    public IReadOnlyList<UnreachableDebtor> Unreachable { get; init; } = [];
}
