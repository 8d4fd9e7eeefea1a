namespace Dunning.Bot.Banking;

/// <summary>
/// Statement entries waiting for a person to assign them; one per entry key, however often it is imported. A resolved
/// entry (assigned or ignored) stays, with who did it, so a re-import does not queue it again.
/// </summary>
public interface IBankReviewStore
{
    /// <summary>Adds <paramref name="item"/> unless an item with its key is already queued; true when added.</summary>
    Task<bool> AddAsync(BankImportItem item, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Adds every item whose key is not queued yet, in one transaction; returns how many were added.</summary>
    Task<int> AddManyAsync(IReadOnlyList<BankImportItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>The entries still waiting, oldest first.</summary>
    Task<IReadOnlyList<BankReviewEntry>> ListAsync(CancellationToken cancellationToken);

    Task<BankReviewEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records how a waiting entry was resolved; false when there is no such entry or it was resolved already (nothing changes).</summary>
    Task<bool> ResolveAsync(string key, BankReviewResolution resolution, CancellationToken cancellationToken);
}

/// <summary>A queued review item, when it first arrived, and how it was resolved (null: still waiting).</summary>
public sealed record BankReviewEntry(BankImportItem Item, DateTimeOffset ReceivedAt, BankReviewResolution? Resolution = null);

/// <summary>What a person decided: <see cref="Invoices"/> the entry was booked on (empty when ignored), by whom and when, and why.</summary>
public sealed record BankReviewResolution(BankReviewOutcome Outcome, IReadOnlyList<string> Invoices, string By, DateTimeOffset At, string? Note = null);

public enum BankReviewOutcome
{
    Assigned,
    Ignored,

    /// <summary>A reversal entry confirmed: the payment it names was reversed.</summary>
    Reversed,
}
