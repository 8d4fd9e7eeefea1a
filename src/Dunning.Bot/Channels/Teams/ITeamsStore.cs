namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// What the Teams channel keeps besides the conversation links: the serviceUrls that arrived in authenticated activities
/// (so a proactive send after a restart still trusts them), the owner's alert chat and the recently processed inbound
/// activities (so a retried delivery runs no second turn).
/// </summary>
public interface ITeamsStore
{
    /// <summary>Every trusted serviceUrl (normalized, see <see cref="TrustedServiceUrls.Normalize"/>).</summary>
    IReadOnlyList<string> LoadTrustedServiceUrls();

    /// <summary>Trusts <paramref name="normalizedUrl"/> from now on; saving a known one again keeps it once.</summary>
    void SaveTrustedServiceUrl(string normalizedUrl, DateTimeOffset at);

    /// <summary>The owner's bound Teams chat, or null when none is bound.</summary>
    OwnerBinding? FindOwner();

    /// <summary>Makes <paramref name="binding"/> the owner's alert destination (the latest binding wins).</summary>
    void SaveOwner(OwnerBinding binding);

    /// <summary>The HTTP status the first delivery of the activity with <paramref name="deliveryKey"/> (see <see cref="TeamsDeliveries.Key"/>) was answered with, or null when none is remembered.</summary>
    Task<int?> FindDeliveryAsync(string deliveryKey, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers that the activity with <paramref name="deliveryKey"/> was processed and answered <paramref name="status"/>;
    /// false, and nothing changed, when it is remembered already — by any host. Joins an open unit of work (the turn's: a turn
    /// that fails remembers nothing), and forgets the deliveries remembered before <paramref name="forgetBefore"/>.
    /// </summary>
    Task<bool> RecordDeliveryAsync(string deliveryKey, int status, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken);
}
