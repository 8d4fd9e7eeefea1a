using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dunning.Bot.Conversations.State;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The per-conversation lock of several hosts: a transaction-scoped advisory lock (<c>pg_advisory_xact_lock(bigint)</c>)
/// on a stable 64-bit key of channel and conversation id, taken at the start of the turn's transaction and released by
/// PostgreSQL at its commit or rollback — or when the host's connection dies. The key is the first eight bytes of the
/// SHA-256 of <c>"{channel}/{conversation}"</c> (UTF-8): the same in every process and every version, unlike
/// <see cref="string.GetHashCode()"/>, so hosts of different builds during a rolling update still exclude each other.
/// </summary>
internal static class PostgreSqlTurnLock
{
    /// <summary>The advisory lock key of a conversation.</summary>
    public static long Key(string channelId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(channelId, "/", conversationId)));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    /// <summary>
    /// Takes the lock of <paramref name="key"/> in <paramref name="transaction"/>, waiting at most <paramref name="timeout"/>
    /// (a local <c>lock_timeout</c>, restored right after); past it <see cref="StorageConflictException"/>, and the
    /// transaction is aborted — nothing of the turn is written.
    /// </summary>
    public static async Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var milliseconds = Math.Max(1, (long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SET LOCAL lock_timeout = {milliseconds}"),
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter { Value = key } } },
                new NpgsqlBatchCommand("SET LOCAL lock_timeout = DEFAULT"),
            },
        };
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new StorageConflictException(
                $"The conversation is busy: another turn of it has run for longer than {timeout} (Storage:Hosts:TurnLockTimeout). Nothing was written; try again.", ex);
        }
    }
}
