namespace Dunning.Bot.Staff.Audit;

/// <summary>
/// One staff action: who did what to which record, when, and the state before and after (short JSON or text).
/// Entries are append-only.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, string? Before, string? After)
{
    /// <summary>The debtor the action concerns, if any (to show a case's own audit trail).</summary>
    public string? DebtorId { get; init; }
}
