using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Privacy;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Forgets a conversation that was never bound to a debtor — its link, transcript and dialog state — in one transaction;
/// a bound conversation is left alone.
/// </summary>
public sealed class PostgreSqlConversationPurge(PostgreSqlDatabase database) : IConversationPurge
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public Task<bool> PurgeUnboundAsync(string channel, string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(false, async (connection, transaction) =>
        {
            var key = ConversationLink.KeyFor(channel, conversationId);
            var bound = await PostgreSqlCommands.ColumnAsync<string>(connection, transaction,
                "SELECT key FROM conversations WHERE key = $1 AND debtor_id IS NOT NULL FOR UPDATE", [key], cancellationToken).ConfigureAwait(false);
            if (bound.Count > 0)
                return false;
            await PurgeAsync(connection, transaction, [(channel, conversationId)], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    internal static async Task PurgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(string Channel, string Id)> conversations,
        CancellationToken cancellationToken)
    {
        if (conversations.Count == 0)
            return;
        var keys = conversations.Select(c => ConversationLink.KeyFor(c.Channel, c.Id)).ToArray();
        var states = conversations.Select(c => ConversationState.KeyFor(c.Channel, c.Id)).ToArray();
        await using var delete = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, values) in new[]
        {
            ("DELETE FROM transcripts WHERE conversation_key = ANY($1)", keys),
            ("DELETE FROM bot_state WHERE key = ANY($1)", states),
            ("DELETE FROM conversations WHERE key = ANY($1)", keys),
        })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = values });
            delete.BatchCommands.Add(command);
        }
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
