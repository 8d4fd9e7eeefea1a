using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Proofs of payment in PostgreSQL: the record and the file in one row (one statement: both or neither), or — with
/// <c>Uploads:Folder</c> — the file in that folder (shared by the hosts) and the record in the database, as with LiteDB.
/// A proof opens only for the debtor it belongs to.
/// </summary>
public sealed class PostgreSqlProofStore : IProofStore
{
    private readonly PostgreSqlDatabase database;
    private readonly string? folder;

    public PostgreSqlProofStore(PostgreSqlDatabase database, IOptions<UploadOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.database = database ?? throw new ArgumentNullException(nameof(database));
        folder = string.IsNullOrWhiteSpace(options.Value.Folder) ? null : Path.GetFullPath(options.Value.Folder);
    }

    public Task<int> CountAsync(string debtorId, CancellationToken cancellationToken) =>
        database.ReadAsync(false, async (connection, transaction) =>
            (int)(await PostgreSqlCommands.ColumnAsync<long>(connection, transaction, "SELECT count(*) FROM proofs WHERE debtor_id = $1", [debtorId],
                cancellationToken).ConfigureAwait(false))[0], cancellationToken);

    public async Task<IReadOnlyList<ProofFile>> ListAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await database.ReadAsync(false, (connection, transaction) => PostgreSqlCommands.ColumnAsync<string>(connection, transaction,
            "SELECT record::text FROM proofs WHERE debtor_id = $1 ORDER BY received_at, id", [debtorId], cancellationToken), cancellationToken).ConfigureAwait(false))
            .Select(PostgreSqlJson.Deserialize<ProofFile>)];

    public async Task<(ProofFile Proof, byte[] Content)?> OpenAsync(string debtorId, string id, CancellationToken cancellationToken)
    {
        var found = await database.ReadAsync(false, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command("SELECT record::text, content FROM proofs WHERE id = $1 AND debtor_id = $2", connection, transaction,
                [id, debtorId]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? (PostgreSqlJson.Deserialize<ProofFile>(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1))
                : ((ProofFile, byte[]?)?)null;
        }, cancellationToken).ConfigureAwait(false);
        if (found is not { } row)
            return null;
        if (folder is null)
            return row.Item2 is { } content ? (row.Item1, content) : null;
        var path = Path.Combine(folder, row.Item1.Id);
        return File.Exists(path) ? (row.Item1, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    public async Task SaveAsync(ProofFile proof, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(content);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, proof.Id);
            await File.WriteAllBytesAsync(path + ".partial", content, cancellationToken).ConfigureAwait(false);
            File.Move(path + ".partial", path, overwrite: true);
        }
        try
        {
            await database.WriteAsync(false, async (connection, transaction) =>
            {
                await using var insert = new NpgsqlCommand("INSERT INTO proofs (id, debtor_id, received_at, record, content) VALUES ($1, $2, $3, $4, $5)",
                    connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = proof.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = proof.DebtorId });
                insert.Parameters.Add(new NpgsqlParameter { Value = proof.ReceivedAt.UtcTicks });
                insert.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(proof), NpgsqlDbType = NpgsqlDbType.Jsonb });
                insert.Parameters.Add(new NpgsqlParameter { Value = folder is null ? content : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
                return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch when (folder is not null)
        {
            File.Delete(Path.Combine(folder, proof.Id));
            throw;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var removed = await database.WriteAsync(false, async (connection, transaction) =>
        {
            await using var delete = PostgreSqlCommands.Command("DELETE FROM proofs WHERE id = $1", connection, transaction, [id]);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
        if (folder is not null)
            File.Delete(Path.Combine(folder, id));
        return removed;
    }

    public async Task<int> EraseAsync(string debtorId, CancellationToken cancellationToken)
    {
        var proofs = await ListAsync(debtorId, cancellationToken).ConfigureAwait(false);
        foreach (var proof in proofs)
            await DeleteAsync(proof.Id, cancellationToken).ConfigureAwait(false);
        return proofs.Count;
    }
}
