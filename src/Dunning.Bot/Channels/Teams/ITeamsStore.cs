namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// What the Teams channel keeps besides the conversation links: the serviceUrls that arrived in authenticated activities
/// (so a proactive send after a restart still trusts them) and the owner's alert chat.
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
}
