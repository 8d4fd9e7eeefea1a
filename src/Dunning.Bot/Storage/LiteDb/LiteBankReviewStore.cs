using System.Globalization;
using Dunning.Bot.Banking;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>The bank review queue in LiteDB, one document per entry key (the bank's reference); resolved entries keep their resolution.</summary>
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

    public Task<IReadOnlyList<BankReviewEntry>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<BankReviewEntry> list = [.. context.Collection(CollectionName).FindAll().Select(FromBson)
            .Where(e => e.Resolution is null).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Item.Key, StringComparer.Ordinal)];
        return Task.FromResult(list);
    }

    public Task<BankReviewEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(context.Collection(CollectionName).FindById(key) is { } d ? FromBson(d) : null);
    }

    public Task<bool> ResolveAsync(string key, BankReviewResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(resolution);
        cancellationToken.ThrowIfCancellationRequested();
        var collection = context.Collection(CollectionName);
        var done = false;
        VersionedWrites.InTransaction(context.Database, () =>
        {
            VersionedWrites.Lock(collection);
            if (collection.FindById(key) is not { } document || !document["Resolution"].IsNull)
                return;
            document["Resolution"] = new BsonDocument
            {
                ["Outcome"] = resolution.Outcome.ToString(),
                ["Invoices"] = new BsonArray(resolution.Invoices.Select(i => new BsonValue(i))),
                ["By"] = resolution.By,
                ["At"] = resolution.At.UtcDateTime,
                ["Note"] = resolution.Note,
            };
            done = collection.Update(document);
        });
        return Task.FromResult(done);
    }

    private static BsonDocument ToBson(BankImportItem item, DateTimeOffset receivedAt) => new()
    {
        ["_id"] = item.Key,
        ["Reference"] = item.Reference,
        ["BookingDate"] = item.BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Amount"] = item.Amount,
        ["Currency"] = item.Currency,
        ["Payer"] = item.Payer,
        ["PayerIban"] = item.PayerIban,
        ["Remittance"] = item.Remittance,
        ["Reason"] = item.Reason,
        ["Suggestions"] = new BsonArray(item.Suggestions.Select(s => new BsonValue(s))),
        ["Rule"] = item.Rule?.ToString(),
        ["Confidence"] = item.Confidence is { } c ? new BsonValue(c) : BsonValue.Null,
        ["Split"] = item.Split is { } split ? new BsonArray(split.Select(a => new BsonValue(a))) : BsonValue.Null,
        ["ReceivedAt"] = receivedAt.UtcDateTime,
        ["Resolution"] = BsonValue.Null,
    };

    private static BankReviewEntry FromBson(BsonDocument d) => new(
        new BankImportItem(d["_id"].AsString, Text(d["Reference"]),
            DateOnly.ParseExact(d["BookingDate"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            d["Amount"].AsDecimal, d["Currency"].AsString, Text(d["Payer"]), d["Remittance"].AsString,
            d["Reason"].AsString, [.. d["Suggestions"].AsArray.Select(s => s.AsString)])
        {
            PayerIban = Text(d["PayerIban"]),
            Rule = Text(d["Rule"]) is { } rule && Enum.TryParse<MatchRule>(rule, out var r) ? r : null,
            Confidence = d["Confidence"].IsNull ? null : d["Confidence"].AsDecimal,
            Split = d["Split"].IsArray ? [.. d["Split"].AsArray.Select(a => a.AsDecimal)] : null,
        },
        Utc(d["ReceivedAt"]),
        d["Resolution"].IsDocument && d["Resolution"].AsDocument is var res
            ? new BankReviewResolution(Enum.Parse<BankReviewOutcome>(res["Outcome"].AsString), [.. res["Invoices"].AsArray.Select(i => i.AsString)],
                res["By"].AsString, Utc(res["At"]), Text(res["Note"]))
            : null);

    private static string? Text(BsonValue value) => value.IsNull ? null : value.AsString;

    private static DateTimeOffset Utc(BsonValue value) => new(DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
}
