namespace Dunning.Bot.Staff.Audit;

/// <summary>
/// The audit log of what staff (and the host on their behalf) did: insert-only — nothing updates or deletes an entry.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/>.</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// The latest <paramref name="limit"/> entries, newest first (in the order they were written, also within one
    /// instant), optionally of one debtor.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? debtorId, int limit, CancellationToken cancellationToken);
}
