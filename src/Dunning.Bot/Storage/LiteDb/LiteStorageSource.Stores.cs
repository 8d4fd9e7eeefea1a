using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>The kinds <see cref="LiteStorageSource"/> reads through the LiteDB stores themselves.</summary>
internal sealed partial class LiteStorageSource
{
    /// <summary>One record per conversation: its entries in the order they were appended.</summary>
    private async Task<List<StoredRecord>> TranscriptsAsync(CancellationToken cancellationToken)
    {
        var keys = DistinctValues(LiteTranscriptStore.CollectionName, "ConversationKey");
        var store = new LiteTranscriptStore(context);
        var records = new List<StoredRecord>(keys.Count);
        foreach (var key in keys)
            records.Add(new StoredRecord(StoredKinds.Transcripts, key, (await store.ListAsync(key, null, int.MaxValue, cancellationToken).ConfigureAwait(false)).ToList()));
        return records;
    }

    /// <summary>The whole audit log as one record, oldest entry first (none when it is empty).</summary>
    private async Task<List<StoredRecord>> AuditLogAsync(CancellationToken cancellationToken)
    {
        if (!context.Database.CollectionExists(LiteAuditLog.CollectionName))
            return [];
        var newestFirst = await new LiteAuditLog(context).ListAsync(null, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return newestFirst.Count == 0 ? [] : [new StoredRecord(StoredKinds.AuditLog, StoredKinds.AuditLog, newestFirst.Reverse().ToList())];
    }

    private async Task<List<StoredRecord>> BankReviewAsync(CancellationToken cancellationToken)
    {
        var store = new LiteBankReviewStore(context);
        var records = new List<StoredRecord>();
        foreach (var key in DistinctValues(LiteBankReviewStore.CollectionName, "_id"))
        {
            if (await store.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } entry)
                records.Add(new StoredRecord(StoredKinds.BankReview, key, entry));
        }
        return records;
    }

    /// <summary>Each proof's record, with its content when the database holds the files (see <see cref="ProofRecord"/>).</summary>
    private async Task<List<StoredRecord>> ProofsAsync(CancellationToken cancellationToken)
    {
        var store = new LiteProofStore(context, Options.Create(uploads));
        var inFolder = !string.IsNullOrWhiteSpace(uploads.Folder);
        var records = new List<StoredRecord>();
        foreach (var debtorId in DistinctValues(LiteProofStore.CollectionName, "DebtorId"))
        {
            foreach (var proof in await store.ListAsync(debtorId, cancellationToken).ConfigureAwait(false))
            {
                var content = inFolder ? null : (await store.OpenAsync(debtorId, proof.Id, cancellationToken).ConfigureAwait(false))?.Content;
                records.Add(new StoredRecord(StoredKinds.Proofs, proof.Id, new ProofRecord(proof, content)));
            }
        }
        return records;
    }

    private async Task<List<StoredRecord>> StaffAccountsAsync(CancellationToken cancellationToken) =>
        [.. (await new LiteStaffAccountStore(context).ListAsync(cancellationToken).ConfigureAwait(false))
            .Select(a => new StoredRecord(StoredKinds.StaffAccounts, a.UserName, a))];

    /// <summary>The distinct string values of <paramref name="field"/> in <paramref name="collection"/>, in the order of the documents.</summary>
    private List<string> DistinctValues(string collection, string field)
    {
        if (!context.Database.CollectionExists(collection))
            return [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<string>();
        foreach (var document in context.Database.GetCollection(collection).FindAll().ToList())
        {
            if (document[field] is { IsString: true } value && seen.Add(value.AsString))
                values.Add(value.AsString);
        }
        return values;
    }
}
