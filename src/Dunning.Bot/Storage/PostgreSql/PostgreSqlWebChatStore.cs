using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="IWebChatStore"/> in PostgreSQL, shared by every host: started conversations and each one's append-only
/// activity log, so a conversation can be polled, posted to and streamed on any host. The sequence is the conversation
/// row's <c>last_seq</c>: an append takes its numbers with <c>UPDATE … RETURNING</c> in its own transaction, which holds
/// the row until it commits — appends of one conversation are ordered across hosts, commit in the order of their numbers
/// (a reader never sees a later activity before an earlier one) and a rolled-back append gives its numbers back. Inside
/// the flow's <see cref="PostgreSqlUnitOfWork"/> (a turn) the append joins it, as the LiteDB store joins its unit. Nothing
/// is held in memory.
/// </summary>
public sealed class PostgreSqlWebChatStore(PostgreSqlDatabase database) : IWebChatStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public int ConversationsInMemory => 0;

    public Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Guarded(database.WriteAsync(false, (connection, transaction) =>
            ExecuteAsync(connection, transaction, "INSERT INTO webchat_conversations (id, user_id, created_at) VALUES ($1, $2, $3)",
                [conversationId, userId, at.UtcTicks], cancellationToken), cancellationToken));

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        (await ColumnAsync<bool>("SELECT true FROM webchat_conversations WHERE id = $1", [conversationId], cancellationToken).ConfigureAwait(false)).Count > 0;

    public Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        // The activities go with their conversation (ON DELETE CASCADE).
        Guarded(database.WriteAsync(false, (connection, transaction) =>
            ExecuteAsync(connection, transaction, "DELETE FROM webchat_conversations WHERE id = $1", [conversationId], cancellationToken), cancellationToken));

    public async Task<IReadOnlyList<string>> ListStartedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        await ColumnAsync<string>("SELECT id FROM webchat_conversations WHERE created_at < $1 ORDER BY created_at, id LIMIT $2",
            [cutoff.UtcTicks, Math.Max(limit, 0)], cancellationToken).ConfigureAwait(false);

    public int EvictIdle(DateTimeOffset cutoff) => 0;

    public Task<string[]> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
            return Task.FromResult(Array.Empty<string>());
        return Guarded(database.WriteAsync(true, async (connection, transaction) =>
        {
            var last = (await PostgreSqlCommands.ColumnAsync<long>(connection, transaction,
                "UPDATE webchat_conversations SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq",
                [conversationId, (long)activities.Count], cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (last == 0)
                throw new InvalidOperationException($"Web chat conversation '{conversationId}' does not exist; nothing was appended.");
            var first = last - activities.Count + 1;
            var ids = new string[activities.Count];
            var json = new string[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                ids[i] = WebChatActivityIds.Of(conversationId, first + i);
                activities[i].Id = ids[i];
                json[i] = ActivityJson.Serialize(activities[i]);
            }
            await ExecuteAsync(connection, transaction, """
                INSERT INTO webchat_activities (conversation_id, seq, json)
                SELECT $1, $2 + n - 1, json FROM unnest($3::text[]) WITH ORDINALITY AS a (json, n)
                """, [conversationId, first, json], cancellationToken).ConfigureAwait(false);
            return ids;
        }, cancellationToken));
    }

    public Task<ActivityPage> ReadAsync(string conversationId, long? watermark, int max, CancellationToken cancellationToken) =>
        Guarded(database.ReadAsync(false, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command(
                "SELECT seq, json FROM webchat_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                connection, transaction, [conversationId, watermark ?? 0, Math.Max(max, 0)]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var json = new List<string>();
            var last = watermark ?? 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                last = reader.GetInt64(0);
                json.Add(reader.GetString(1));
            }
            return new ActivityPage(json, last);
        }, cancellationToken));

    public async Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        (await ColumnAsync<long>("SELECT last_seq FROM webchat_conversations WHERE id = $1", [conversationId], cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();

    public async Task<string?> FindClientActivityAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken) =>
        (await ColumnAsync<long>("SELECT seq FROM webchat_client_ids WHERE conversation_id = $1 AND client_id = $2",
            [conversationId, clientActivityId], cancellationToken).ConfigureAwait(false)) is [var seq] ? WebChatActivityIds.Of(conversationId, seq) : null;

    /// <summary>
    /// The insert is ON CONFLICT DO NOTHING under the primary key: a second host recording the same client id meanwhile waits
    /// for the first one's transaction and then changes nothing (false; its caller discards the unit, the forgetting too).
    /// </summary>
    public Task<bool> RecordClientActivityAsync(string conversationId, string clientActivityId, string activityId, int window, CancellationToken cancellationToken)
    {
        var seq = WebChatActivityIds.SequenceOf(activityId);
        return Guarded(database.WriteAsync(true, async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("INSERT INTO webchat_client_ids (conversation_id, client_id, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    {
                        Parameters = { new NpgsqlParameter { Value = conversationId }, new NpgsqlParameter { Value = clientActivityId }, new NpgsqlParameter { Value = seq } },
                    },
                    new NpgsqlBatchCommand("DELETE FROM webchat_client_ids WHERE conversation_id = $1 AND seq < $2")
                    {
                        Parameters = { new NpgsqlParameter { Value = conversationId }, new NpgsqlParameter { Value = seq - window } },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return batch.BatchCommands[0].RecordsAffected == 1;
        }, cancellationToken));
    }

    private Task<List<T>> ColumnAsync<T>(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        Guarded(database.ReadAsync(false, (connection, transaction) =>
            PostgreSqlCommands.ColumnAsync<T>(connection, transaction, sql, parameters, cancellationToken), cancellationToken));

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, IReadOnlyList<object?> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = PostgreSqlCommands.Command(sql, connection, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A read or write the port's callers may retry later (a proactive send answers RetryLater), as a
    /// <see cref="StorageException"/> when PostgreSQL fails or cannot be reached; the port's own refusals pass as they are.
    /// </summary>
    private static async Task<T> Guarded<T>(Task<T> work)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageException(ex.Message, ex);
        }
    }
}
