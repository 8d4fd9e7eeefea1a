using System.Text.Json;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using Dunning.Bot.Storage.Migration;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="ITeamsStore"/> in PostgreSQL, shared by every host: the trusted serviceUrls (one row each, kept once however
/// often saved) and the owner's alert chat (the latest binding wins). The owner's conversation reference is kept in the
/// Bot Framework JSON the connector speaks (<see cref="ActivityJson"/>).
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
}
