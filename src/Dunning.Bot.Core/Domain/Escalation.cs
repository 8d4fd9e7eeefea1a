namespace Dunning.Bot.Core.Domain;

/// <summary>
/// A case that needs a person: why (<see cref="Reason"/>), how urgent (<see cref="Priority"/>),
/// answer expected by <see cref="RespondBy"/>, and where it stands (<see cref="State"/>).
/// </summary>
public sealed class Escalation
{
    public required string Id { get; init; }

    public required string DebtorId { get; init; }

    public required EscalationReason Reason { get; init; }

    public required EscalationPriority Priority { get; init; }

    public EscalationState State { get; set; } = EscalationState.Open;

    public required DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? RespondBy { get; init; }

    /// <summary>The debtor's own words or the system's summary.</summary>
    public string? Detail { get; init; }

    public IReadOnlyList<string> InvoiceNumbers { get; init; } = [];

    /// <summary>The conversation the escalation came from, if any (channel/conversation id).</summary>
    public string? ConversationKey { get; init; }

    public string? AssignedTo { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }
}
