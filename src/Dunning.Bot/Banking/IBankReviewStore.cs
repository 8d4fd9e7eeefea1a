namespace Dunning.Bot.Banking;

/// <summary>Statement entries waiting for the owner to assign them; one per entry key, however often it is imported.</summary>
public interface IBankReviewStore
{
    /// <summary>Adds <paramref name="item"/> unless an item with its key is already queued; true when added.</summary>
    Task<bool> AddAsync(BankImportItem item, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Adds every item whose key is not queued yet, in one transaction; returns how many were added.</summary>
    Task<int> AddManyAsync(IReadOnlyList<BankImportItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<BankReviewEntry>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A queued review item and when it first arrived.</summary>
public sealed record BankReviewEntry(BankImportItem Item, DateTimeOffset ReceivedAt);
