using Dunning.Bot.Banking;
using LiteDB;

namespace Dunning.Bot.Storage;

/// <summary>The bank review queue in LiteDB, one document per entry key (the bank's reference).</summary>
public sealed class LiteBankReviewStore(LiteDbContext context) : IBankReviewStore
{
    public const string CollectionName = "bank_review";

    public async Task<bool> AddAsync(BankImportItem item, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        await AddManyAsync([item], receivedAt, cancellationToken) == 1;

    public Task<int> AddManyAsync(IReadOnlyList<BankImportItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        cancellationToken.ThrowIfCancellationRequested();
        var collection = context.Collection(CollectionName);
        var added = 0;
        VersionedWrites.InTransaction(context.Database, () =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (!seen.Add(item.Key) || collection.FindById(item.Key) is not null)
                    continue;
                collection.Insert(ToBson(item, receivedAt));
                added++;
            }
        });
        return Task.FromResult(added);
    }

    private static BsonDocument ToBson(BankImportItem item, DateTimeOffset receivedAt) => new()
    {
        ["_id"] = item.Key,
        ["Reference"] = item.Reference,
        ["BookingDate"] = item.BookingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Amount"] = item.Amount,
        ["Currency"] = item.Currency,
        ["Payer"] = item.Payer,
        ["Remittance"] = item.Remittance,
        ["Reason"] = item.Reason,
        ["Suggestions"] = new BsonArray(item.Suggestions.Select(s => new BsonValue(s))),
        ["ReceivedAt"] = receivedAt.UtcDateTime,
    };

    public Task<IReadOnlyList<BankReviewEntry>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<BankReviewEntry> list = [.. context.Collection(CollectionName).FindAll().Select(d => new BankReviewEntry(
            new BankImportItem(d["_id"].AsString, d["Reference"].IsNull ? null : d["Reference"].AsString,
                DateOnly.ParseExact(d["BookingDate"].AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                d["Amount"].AsDecimal, d["Currency"].AsString, d["Payer"].IsNull ? null : d["Payer"].AsString, d["Remittance"].AsString,
                d["Reason"].AsString, [.. d["Suggestions"].AsArray.Select(s => s.AsString)]),
            new DateTimeOffset(DateTime.SpecifyKind(d["ReceivedAt"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc))))
            .OrderBy(e => e.ReceivedAt)];
        return Task.FromResult(list);
    }
}
