using System.Text.Json;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using Dunning.Bot.Storage.Migration;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="ITeamsStore"/> in PostgreSQL, shared by every host: the trusted serviceUrls (one row each, kept once however
/// often saved) and the owner's alert chat (the latest binding wins). The owner's conversation reference is kept in the
/// Bot Framework JSON the connector speaks (<see cref="ActivityJson"/>). Processed inbound activities are rows of
/// <c>teams_deliveries</c>, written in the turn's transaction: its primary key accepts a delivery once across hosts.
/// </summary>
public sealed class PostgreSqlTeamsStore(PostgreSqlDatabase database) : ITeamsStore
{
    private const string OwnerKey = ChannelStateKeys.TeamsOwner;

    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public IReadOnlyList<string> LoadTrustedServiceUrls() =>
        PostgreSqlSync.Rows(database, "SELECT url FROM teams_service_urls ORDER BY url", r => r.GetString(0));

    public void SaveTrustedServiceUrl(string normalizedUrl, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(normalizedUrl);
        PostgreSqlSync.Execute(database, "INSERT INTO teams_service_urls (url, first_seen) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING",
            normalizedUrl, at.UtcTicks);
    }

    public OwnerBinding? FindOwner() =>
        PostgreSqlSync.FindState<TeamsOwnerRecord>(database, OwnerKey) is { } stored
        && JsonSerializer.Deserialize<ConversationReference>(stored.Reference, ActivityJson.Options) is { } reference
            ? new OwnerBinding(reference, stored.Language, stored.BoundAt)
            : null;

    public void SaveOwner(OwnerBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        PostgreSqlSync.SaveState(database, OwnerKey,
            new TeamsOwnerRecord(JsonSerializer.Serialize(binding.Reference, ActivityJson.Options), binding.Language, binding.BoundAt));
    }

    public async Task<int?> FindDeliveryAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        try
        {
            return (await database.ReadAsync(true, (connection, transaction) => PostgreSqlCommands.ColumnAsync<int>(connection, transaction,
                "SELECT status FROM teams_deliveries WHERE key = $1", [deliveryKey], cancellationToken), cancellationToken).ConfigureAwait(false)) is [var status]
                ? status
                : null;
        }
        catch (NpgsqlException ex)
        {
            throw new StorageException(ex.Message, ex);
        }
    }

    /// <summary>
    /// ON CONFLICT DO NOTHING under the primary key: another host recording the same delivery meanwhile waits for the first
    /// one's transaction and then changes nothing (false).
    /// </summary>
    public async Task<bool> RecordDeliveryAsync(string deliveryKey, int status, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(true, async (connection, transaction) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand("INSERT INTO teams_deliveries (key, status, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        {
                            Parameters = { new NpgsqlParameter { Value = deliveryKey }, new NpgsqlParameter { Value = status }, new NpgsqlParameter { Value = at.UtcTicks } },
                        },
                        new NpgsqlBatchCommand("DELETE FROM teams_deliveries WHERE at < $1") { Parameters = { new NpgsqlParameter { Value = forgetBefore.UtcTicks } } },
                    },
                };
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return batch.BatchCommands[0].RecordsAffected == 1;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageException(ex.Message, ex);
        }
    }
}
