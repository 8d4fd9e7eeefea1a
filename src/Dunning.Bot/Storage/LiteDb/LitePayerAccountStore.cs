using Dunning.Bot.Banking;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Known payer IBANs in LiteDB: one document per (IBAN, debtor) pair, id "IBAN|debtor".</summary>
public sealed class LitePayerAccountStore(LiteDbContext context) : IPayerAccountStore
{
    public const string CollectionName = "payer_accounts";

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyDictionary<string, IReadOnlyList<string>> all = context.Collection(CollectionName).FindAll()
            .GroupBy(d => d["Iban"].AsString, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(d => d["DebtorId"].AsString).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        return Task.FromResult(all);
    }

    public Task<int> LearnAsync(IReadOnlyCollection<(string Iban, string DebtorId)> accounts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        cancellationToken.ThrowIfCancellationRequested();
        if (accounts.Count == 0)
            return Task.FromResult(0);
        var collection = context.Collection(CollectionName);
        var added = 0;
        VersionedWrites.InTransaction(context.Database, () =>
        {
            foreach (var (iban, debtorId) in accounts.Distinct())
            {
                var id = $"{iban}|{debtorId}";
                if (collection.FindById(id) is not null)
                    continue;
                collection.Insert(new BsonDocument { ["_id"] = id, ["Iban"] = iban, ["DebtorId"] = debtorId, ["LearnedAt"] = at.UtcDateTime });
                added++;
            }
        });
        return Task.FromResult(added);
    }
}
