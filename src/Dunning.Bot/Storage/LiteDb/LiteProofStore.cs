using Dunning.Bot.Uploads;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Keeps proof-of-payment files beside the case: their records in the LiteDB collection <c>proofs</c> (indexed by debtor),
/// their content in LiteDB file storage (<c>proof_files</c>/<c>proof_chunks</c>, inside the database file) or, with
/// <see cref="UploadOptions.Folder"/>, one file per proof in that folder. Content is written before the record and removed
/// when the record cannot be written, so a record never points at nothing.
/// </summary>
public sealed class LiteProofStore : IProofStore
{
    public const string CollectionName = "proofs";
    private const string FilesName = "proof_files";
    private const string ChunksName = "proof_chunks";

    private readonly LiteDbContext context;
    private readonly string? folder;

    public LiteProofStore(LiteDbContext context, IOptions<UploadOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        folder = string.IsNullOrWhiteSpace(options.Value.Folder) ? null : Path.GetFullPath(options.Value.Folder);
    }

    private ILiteCollection<BsonDocument> Records => context.Collection(CollectionName);

    private ILiteStorage<string> Files => context.Database.GetStorage<string>(FilesName, ChunksName);

    public Task<int> CountAsync(string debtorId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Records.Count(Query.EQ("DebtorId", debtorId)));
    }

    public Task<IReadOnlyList<ProofFile>> ListAsync(string debtorId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ProofFile> list = [.. Records.Find(Query.EQ("DebtorId", debtorId)).Select(FromBson).OrderBy(p => p.ReceivedAt)];
        return Task.FromResult(list);
    }

    /// <summary>The record and content of proof <paramref name="id"/> of <paramref name="debtorId"/>; null when there is none for that debtor.</summary>
    public async Task<(ProofFile Proof, byte[] Content)?> OpenAsync(string debtorId, string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Records.FindById(id);
        if (document is null || document["DebtorId"].AsString != debtorId)
            return null;
        var proof = FromBson(document);
        if (folder is not null)
        {
            var path = Path.Combine(folder, proof.Id);
            return File.Exists(path) ? (proof, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
        }
        if (Files.FindById(proof.Id) is null)
            return null;
        using var content = new MemoryStream();
        Files.Download(proof.Id, content);
        return (proof, content.ToArray());
    }

    public async Task SaveAsync(ProofFile proof, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(content);
        await WriteContentAsync(proof, content, cancellationToken).ConfigureAwait(false);
        try
        {
            // Indexed on first use: a database no debtor ever sent a file to gets no proofs collection at all.
            Records.EnsureIndex("DebtorId");
            Records.Insert(ToBson(proof));
        }
        catch
        {
            DeleteContent(proof.Id);
            throw;
        }
    }

    /// <summary>Removes a proof (record and content); false when there was none.</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var removed = Records.Delete(id);
        DeleteContent(id);
        return Task.FromResult(removed);
    }

    /// <summary>Removes every proof of a debtor (erasure); returns how many.</summary>
    public async Task<int> EraseAsync(string debtorId, CancellationToken cancellationToken)
    {
        var proofs = await ListAsync(debtorId, cancellationToken).ConfigureAwait(false);
        foreach (var proof in proofs)
            await DeleteAsync(proof.Id, cancellationToken).ConfigureAwait(false);
        return proofs.Count;
    }

    private async Task WriteContentAsync(ProofFile proof, byte[] content, CancellationToken cancellationToken)
    {
        if (folder is null)
        {
            using var stream = new MemoryStream(content, writable: false);
            Files.Upload(proof.Id, proof.DownloadName, stream);
            return;
        }
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, proof.Id);
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, content, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }

    private void DeleteContent(string id)
    {
        if (folder is null)
            Files.Delete(id);
        else
            File.Delete(Path.Combine(folder, id));
    }

    private static BsonDocument ToBson(ProofFile proof) => new()
    {
        ["_id"] = proof.Id,
        ["DebtorId"] = proof.DebtorId,
        ["InvoiceNumbers"] = new BsonArray(proof.InvoiceNumbers.Select(n => new BsonValue(n))),
        ["EscalationId"] = proof.EscalationId,
        ["Name"] = proof.Name,
        ["ContentType"] = proof.ContentType,
        ["Size"] = proof.Size,
        ["Sha256"] = proof.Sha256,
        ["Channel"] = proof.Channel,
        ["ReceivedAt"] = proof.ReceivedAt.UtcDateTime,
    };

    private static ProofFile FromBson(BsonDocument d) => new(
        d["_id"].AsString, d["DebtorId"].AsString, [.. d["InvoiceNumbers"].AsArray.Select(n => n.AsString)],
        d["EscalationId"].IsNull ? null : d["EscalationId"].AsString, d["Name"].AsString, d["ContentType"].AsString,
        d["Size"].AsInt64, d["Sha256"].AsString, d["Channel"].AsString,
        new DateTimeOffset(DateTime.SpecifyKind(d["ReceivedAt"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
}
