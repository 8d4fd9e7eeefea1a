using Dunning.Bot.Banking;
using LiteDB;

namespace Dunning.Bot.Storage;

/// <summary>The bank review queue in LiteDB, one document per entry key (the bank's reference).</summary>
public sealed class LiteBankReviewStore(LiteDbContext context) : IBankReviewStore
{
    public const string CollectionName = "bank_review";

    public Task<bool> AddAsync(BankImportItem item, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        var collection = context.Collection(CollectionName);
        if (collection.FindById(item.Key) is not null)
            return Task.FromResult(false);
        collection.Insert(new BsonDocument
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
        });
        return Task.FromResult(true);
    }

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
